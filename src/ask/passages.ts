import type { Digest, Statement } from "../digest/schema.ts";
import { splitSentences } from "../nlp/text.ts";
import { memoizeWeak } from "../util/weak-memo.ts";
import { NUMBER_WORD } from "./shapes.ts";
import { acronymKeys, contentTerms, keySet, type Term, tokens } from "./terms.ts";

/**
 * The places an answer can come from: every sentence of the paragraphs the digest kept (junk never answers),
 * each tied to the digest statements whose evidence lies in it. A statement's sources count as words of its
 * sentence, so "he said" answers "what did the minister say" when the digest names the minister.
 */
export interface Passage {
  paragraph: number;
  text: string;
  /** Statements whose evidence overlaps this sentence, in the digest's order. */
  statements: Statement[];
  /** The sentence's content terms in order. */
  terms: Term[];
  /** Token positions of the numbers in the sentence ("six", "14", "a dozen"). */
  numbers: number[];
  /** Keys of the sentence's own words. */
  keys: Set<string>;
  /** Keys of the names (and aliases) of the sources its statements are attributed to. */
  sourceKeys: Set<string>;
  /** Keys of the rest of its paragraph: context that half counts. */
  paragraphKeys: Set<string>;
  /** Keys of the kept paragraph before: what "he" and "the city" may point back to. */
  previousKeys: Set<string>;
}

interface Located {
  statement: Statement;
  start: number;
  end: number;
}

/** Where each statement's evidence sits in each paragraph (a quote the paragraph does not hold is skipped). */
function locateEvidence(digest: Digest): Map<number, Located[]> {
  const byParagraph = new Map<number, Located[]>();
  for (const statement of digest.statements)
    for (const e of statement.evidence) {
      const text = digest.paragraphs[e.paragraph]?.text;
      const start = text?.indexOf(e.quote) ?? -1;
      if (start < 0) continue;
      const list = byParagraph.get(e.paragraph) ?? [];
      list.push({ statement, start, end: start + e.quote.length });
      byParagraph.set(e.paragraph, list);
    }
  return byParagraph;
}

function sourceKeysOf(digest: Digest, statements: readonly Statement[]): Set<string> {
  const names: string[] = [];
  for (const s of statements)
    for (const id of s.sources) {
      const source = digest.sources.find((x) => x.id === id);
      if (source) names.push(source.name, ...source.aliases, source.role ?? "");
    }
  return keySet(contentTerms(names.join(" ; ")));
}

function numberPositions(text: string): number[] {
  const out: number[] = [];
  tokens(text).forEach((t, i) => {
    if (NUMBER_WORD.test(t)) out.push(i);
  });
  return out;
}

/**
 * The digest's kept paragraphs as answerable sentences, read once: a reporter asks one digest several
 * questions.
 */
export const passagesOf: (digest: Digest) => Passage[] = memoizeWeak(readPassages);

function readPassages(digest: Digest): Passage[] {
  const evidence = locateEvidence(digest);
  const out: Passage[] = [];
  let previousKeys = new Set<string>();
  for (const paragraph of digest.paragraphs) {
    if (paragraph.junk) continue;
    const located = evidence.get(paragraph.index) ?? [];
    const sentences = splitSentences(paragraph.text);
    const sentenceTerms = sentences.map((s) => contentTerms(s.text));
    const sentenceKeys = sentenceTerms.map(keySet);
    sentences.forEach((sentence, i) => {
      for (const k of acronymKeys(sentence.text)) sentenceKeys[i]?.add(k);
    });
    sentences.forEach((sentence, i) => {
      const statements = located
        .filter((l) => l.start < sentence.end && l.end > sentence.start)
        .map((l) => l.statement);
      const paragraphKeys = new Set<string>();
      sentenceKeys.forEach((keys, j) => {
        if (j !== i) for (const k of keys) paragraphKeys.add(k);
      });
      out.push({
        paragraph: paragraph.index,
        text: sentence.text,
        terms: sentenceTerms[i] ?? [],
        numbers: numberPositions(sentence.text),
        statements: [...new Set(statements)],
        keys: sentenceKeys[i] ?? new Set(),
        sourceKeys: sourceKeysOf(digest, statements),
        paragraphKeys,
        previousKeys,
      });
    });
    previousKeys = new Set(sentenceKeys.flatMap((k) => [...k]));
  }
  return out;
}
