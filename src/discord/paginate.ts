import type { ReplyEmbed } from "../reply.ts";
import { LIMITS } from "./limits.ts";

/** One page as Discord will show it: a single embed within every limit. */
export interface Page {
  title: string;
  description?: string;
  color: number;
  fields: { name: string; value: string }[];
  footer?: string;
}

// Room left on a page for the title and footer inside the 6,000-character embed total.
const PAGE_TEXT = 3800;

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

export function embedLength(p: Page): number {
  return (
    p.title.length +
    (p.description?.length ?? 0) +
    (p.footer?.length ?? 0) +
    p.fields.reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

export function fitsLimits(p: Page): boolean {
  return (
    p.title.length <= LIMITS.title &&
    (p.description?.length ?? 0) <= LIMITS.description &&
    (p.footer?.length ?? 0) <= LIMITS.footer &&
    p.fields.length <= LIMITS.fields &&
    p.fields.every((f) => f.name.length <= LIMITS.fieldName && f.value.length <= LIMITS.fieldValue) &&
    embedLength(p) <= LIMITS.embedTotal
  );
}

/** Shortens at a word boundary; only for titles and footers, never for the answer itself. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

/** A line too long for a page is cut between sentences, and only a sentence too long alone between words. */
function pieces(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const out: string[] = [];
  let current = "";
  const push = (part: string) => {
    if (current.length + part.length <= max) current += part;
    else {
      if (current.trim()) out.push(current.trimEnd());
      current = part.trimStart();
    }
  };
  for (const { segment } of segmenter.segment(line)) {
    if (segment.length <= max) push(segment);
    else for (const word of segment.split(/(?<=\s)/)) push(word.length <= max ? word : word.slice(0, max));
  }
  if (current.trim()) out.push(current.trimEnd());
  return out;
}

/**
 * Splits a reply embed into pages Discord accepts: as it is when it fits, otherwise its description and
 * fields flattened into lines and packed page by page, breaking only between lines or sentences.
 */
export function paginate(embed: ReplyEmbed): Page[] {
  const title = shorten(embed.title, LIMITS.title);
  const single: Page = {
    title,
    color: embed.color,
    fields: embed.fields,
    ...(embed.description !== undefined ? { description: embed.description } : {}),
    ...(embed.footer !== undefined ? { footer: shorten(embed.footer, 1800) } : {}),
  };
  if (fitsLimits(single)) return [single];

  const lines: string[] = [];
  if (embed.description) lines.push(...embed.description.split("\n"));
  for (const field of embed.fields) {
    if (lines.length > 0) lines.push("");
    lines.push(`**${field.name}**`, ...field.value.split("\n"));
  }
  const chunks: string[] = [];
  let page: string[] = [];
  let size = 0;
  for (const piece of lines.flatMap((l) => pieces(l, PAGE_TEXT))) {
    if (size + piece.length + 1 > PAGE_TEXT && page.length > 0) {
      chunks.push(page.join("\n").trim());
      page = [];
      size = 0;
    }
    if (page.length === 0 && piece.trim() === "") continue;
    page.push(piece);
    size += piece.length + 1;
  }
  if (page.some((l) => l.trim())) chunks.push(page.join("\n").trim());
  const footer = embed.footer ? shorten(embed.footer, 1800) : undefined;
  return chunks.map((description, i) => ({
    title,
    description,
    color: embed.color,
    fields: [],
    footer: `Page ${i + 1}/${chunks.length}${footer ? ` · ${footer}` : ""}`,
  }));
}
