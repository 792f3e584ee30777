import { parseHTML } from "linkedom";

/**
 * HTML to the plain text the digest engine reads: one paragraph per block (p, headings, list items,
 * quotes, cells...), whitespace collapsed, entities decoded, paragraphs separated by blank lines, so
 * paragraph citations work as they do for pasted text.
 */

/** The little of the DOM the walk needs; linkedom's own types are the browser's, unavailable here. */
export interface DomNode {
  nodeType: number;
  localName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "caption",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

/** Never text a reader sees. */
const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object", "head"]);

/** The paragraphs of a DOM subtree. */
export function paragraphsOf(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = current.join("").replace(/\s+/g, " ").trim();
    if (text) paragraphs.push(text);
    current = [];
  };
  const walk = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) current.push(child.textContent ?? "");
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = child.localName?.toLowerCase() ?? "";
      if (SKIPPED.has(tag)) continue;
      if (!BLOCKS.has(tag)) {
        walk(child);
        continue;
      }
      flush();
      walk(child);
      flush();
    }
  };
  walk(root);
  flush();
  return paragraphs;
}

/** An HTML fragment (a feed item's content, say) as plain text with blank lines between paragraphs. */
export function htmlToText(html: string): string {
  // Wrapped so a fragment that is only text still has an element around it.
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return paragraphsOf(document.body as DomNode).join("\n\n");
}
