/**
 * Finds a model's quote in the paragraph it cites, forgiving only whitespace and quote-mark differences,
 * and returns the paragraph's own verbatim text for it; anything else is not in the article.
 */
const QUOTE_MARKS: Record<string, string> = {
  "“": '"',
  "”": '"',
  "„": '"',
  "‘": "'",
  "’": "'",
  "‚": "'",
  "«": '"',
  "»": '"',
};

function normalise(text: string): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (/\s/.test(ch)) {
      if (!lastSpace && out.length > 0) {
        out += " ";
        map.push(i);
      }
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    out += QUOTE_MARKS[ch] ?? ch;
    map.push(i);
  }
  return { text: out.trimEnd(), map };
}

export function locateQuote(paragraph: string, quote: string): string | undefined {
  if (!quote.trim()) return undefined;
  if (paragraph.includes(quote)) return quote;
  const p = normalise(paragraph);
  const q = normalise(quote).text.trim();
  if (q.length < 3) return undefined;
  const at = p.text.indexOf(q);
  if (at < 0) return undefined;
  const start = p.map[at] ?? 0;
  const end = (p.map[at + q.length - 1] ?? start) + 1;
  return paragraph.slice(start, end);
}
