import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Digest, Paragraph } from "../digest/schema.ts";
import { readInput, sha256, splitParagraphs } from "../nlp/text.ts";
import { COMPILED } from "../util/project-paths.ts";
import { markDisputes } from "./disputes.ts";
import type { DigestEngine } from "./engine.ts";
import { BUILT_FINGERPRINT_FILE, engineFingerprintOf } from "./fingerprint.ts";
import { detectJunk, type JunkVerdict } from "./junk.ts";
import { detectLanguage } from "./language.ts";
import { SourceRegistry } from "./sources.ts";
import { extractStatements } from "./statements.ts";
import { buildSummary } from "./summary.ts";
import { buildTimeline } from "./timeline.ts";
import { encodingWarning, languageWarning, textWarnings, UNJUDGED_LANGUAGE } from "./warnings.ts";

/**
 * The version carries a fingerprint of the engine's own source, so a cached digest is never served by a
 * changed engine even when nobody remembered to bump the number. The compiled engine has no sources
 * beside it: it reads the fingerprint its build computed from them, with the same function.
 */
function engineFingerprint(): string {
  if (!COMPILED) return engineFingerprintOf(dirname(fileURLToPath(import.meta.url)));
  const built = readFileSync(new URL(`./${BUILT_FINGERPRINT_FILE}`, import.meta.url), "utf8").trim();
  if (!/^[0-9a-f]{10}$/.test(built))
    throw new Error(`the build's engine fingerprint is malformed: "${built}"`);
  return built;
}

export const OFFLINE_ENGINE = { name: "newsdesk-offline", version: `0.1.0+${engineFingerprint()}` } as const;

/** The whole offline reading of one article: deterministic, no network, no key. */
export function digestArticle(raw: string): Digest {
  // The repaired text is read (as by every other reader); the input keeps its own sha.
  const { layout, repair, text } = readInput(raw);
  const blocks = splitParagraphs(text);
  const language = detectLanguage(text);
  // The junk features read English; in another language nothing is dropped rather than guessed.
  const verdicts: JunkVerdict[] = language.english ? detectJunk(blocks) : blocks.map(() => ({ junk: false }));
  const paragraphs: Paragraph[] = blocks.map((block, index) => {
    const verdict = verdicts[index];
    return verdict?.junk
      ? { index, text: block, junk: true, reason: verdict.reason ?? "does not belong to the story" }
      : { index, text: block, junk: false };
  });
  const registry = new SourceRegistry();
  const statements = extractStatements({ paragraphs, registry });
  markDisputes(
    statements,
    (id) => registry.kindOf(id),
    (id) => registry.displayName(id),
  );
  // The status rules read English: in another language no statement gets a status they cannot judge.
  if (!language.english)
    for (const s of statements) {
      s.status = "unconfirmed";
      s.rationale = UNJUDGED_LANGUAGE;
      delete s.conflictsWith;
    }
  for (const p of paragraphs) if (!p.junk) registry.addMentions(p.index, p.text);
  const { sources, warnings: sourceWarnings } = registry.toSources();
  const title = titleOf(paragraphs);
  return {
    title,
    summary: buildSummary(title, paragraphs, statements),
    paragraphs,
    statements,
    sources,
    timeline: buildTimeline(statements),
    warnings: [
      ...languageWarning(language),
      ...encodingWarning(repair),
      ...sourceWarnings,
      ...textWarnings(paragraphs),
    ],
    engine: { ...OFFLINE_ENGINE },
    inputSha256: sha256(layout),
  };
}

/** Paragraph 0 when it reads like a headline, else the first sentence of the story. */
function titleOf(paragraphs: Paragraph[]): string {
  const first = paragraphs.find((p) => !p.junk)?.text ?? "";
  const line = first.split("\n")[0] ?? "";
  if (line.length <= 160) return line.trim();
  const sentence = /^.{20,160}?[.!?](?=\s|$)/s.exec(line)?.[0];
  return (sentence ?? `${line.slice(0, 157)}…`).trim();
}

export class OfflineEngine implements DigestEngine {
  readonly info = { ...OFFLINE_ENGINE };
  async digest(article: string): Promise<Digest> {
    return digestArticle(article);
  }
}
