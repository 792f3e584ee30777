import { createHash } from "node:crypto";
import type { Digest, Paragraph, Statement, Status } from "../digest/schema.ts";
import type { DigestDiff } from "../library/diff.ts";
import type { Article, VersionMeta } from "../library/schema.ts";
import { byStatus } from "../render/statements.ts";

/**
 * The read-only page of one article version, as one self-contained HTML string: no script, no external
 * font or stylesheet, one inline style block allowed by its hash in the Content-Security-Policy. Every piece
 * of article text (paragraphs, quotes, claims, names, titles) goes through `escapeHtml`: it is data, never
 * markup, so a `<script>` in an article shows as text.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe in HTML content and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** The status in words: shown beside every highlight, so colour is never the only signal. */
export const STATUS_LABEL: Record<Status, string> = {
  confirmed: "Confirmed",
  unconfirmed: "Unconfirmed",
  disputed: "Disputed",
  unknown: "Not known yet",
};

// Dark text on light tints (contrast above 12:1) for the highlights, white on dark for the labels (above
// 6.5:1, WCAG AA for small text), and a different underline per status for readers who do not see colour.
const STYLE = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4d4d4d;--line:#d0d0d0}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
.meta,.why,.note{color:var(--muted);font-size:.9rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;list-style:none}
.para{margin:0 0 1rem}
.para .n{color:var(--muted);font-size:.8rem;margin-right:.3rem}
mark{color:var(--ink);padding:0 .1rem;border-bottom:2px solid}
.s-confirmed{background:#e3f4e4;border-color:#1b5e20;border-bottom-style:solid}
.s-unconfirmed{background:#fff3c4;border-color:#7a4f01;border-bottom-style:dashed}
.s-disputed{background:#fde2e2;border-color:#b71c1c;border-bottom-style:double;border-bottom-width:3px}
.s-unknown{background:#ece3f7;border-color:#4a148c;border-bottom-style:dotted}
.label{display:inline-block;font-size:.75rem;font-weight:600;line-height:1.3;padding:0 .35rem;border-radius:.25rem;color:#fff;vertical-align:baseline;margin:0 .15rem}
.l-confirmed{background:#1b5e20}.l-unconfirmed{background:#7a4f01}.l-disputed{background:#b71c1c}.l-unknown{background:#4a148c}
.claims{margin:.25rem 0 0 .75rem;padding-left:.75rem;border-left:3px solid var(--line);font-size:.92rem;list-style:none}
.claims li{margin:.2rem 0}
.src{color:var(--muted)}
.junk{color:var(--muted)}
.junk del{text-decoration-thickness:2px}
.diff li{margin:.15rem 0}
.current{font-weight:600}
ul{padding-left:1.2rem}
a{color:#0b57a4}
`.trim();

export const PAGE_STYLE = STYLE;
/** The CSP source that allows exactly this page's style block. */
export const STYLE_HASH = `'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`;

/** One version in the timeline: what changed since the version before it, and a link to it. */
export interface VersionEntry {
  meta: VersionMeta;
  /** The change from the previous version; absent for the first version (or one whose predecessor is unread). */
  diff?: DigestDiff | undefined;
  /** A signed link to that version's page. */
  href?: string | undefined;
}

export interface PageInput {
  article: Article;
  version: VersionMeta;
  digest: Digest;
  /** Every version shown in the timeline, oldest first. */
  versions: VersionEntry[];
  /** Versions left out of the timeline (older ones), so the page can say so. */
  omittedVersions?: number;
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A short page with no detail: the refusals and errors. */
export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

const label = (status: Status) => `<span class="label l-${status}">${STATUS_LABEL[status]}</span>`;

function sourceNames(digest: Digest, s: Statement): string {
  const names = s.sources
    .map((id) => digest.sources.find((x) => x.id === id))
    .filter((x) => x !== undefined)
    .map((x) => `${escapeHtml(x.name)} (${escapeHtml(x.kind)})`);
  return names.length > 0 ? names.join(", ") : "the article";
}

const where = (s: Statement) => [...new Set(s.evidence.map((e) => `¶${e.paragraph}`))].join(", ");

/** "claim — sources (¶n)" as HTML, every piece escaped. */
function statementHtml(digest: Digest, s: Statement): string {
  return `${escapeHtml(s.claim)} <span class="src">— ${sourceNames(digest, s)} (${where(s)})</span>`;
}

interface Span {
  start: number;
  end: number;
  statement: Statement;
}

/**
 * The paragraph with each statement's evidence quote marked by status. Quotes are verbatim substrings of
 * their paragraph; overlapping quotes keep the first (longest) highlight, and every statement is still
 * listed under the paragraph with its status in words.
 */
function highlighted(paragraph: Paragraph, statements: Statement[], digest: Digest): string {
  const spans: Span[] = [];
  for (const statement of statements)
    for (const e of statement.evidence) {
      if (e.paragraph !== paragraph.index) continue;
      const start = paragraph.text.indexOf(e.quote);
      if (start >= 0) spans.push({ start, end: start + e.quote.length, statement });
    }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let html = "";
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlaps a highlight already placed
    const s = span.statement;
    html += escapeHtml(paragraph.text.slice(at, span.start));
    html += `<mark class="s-${s.status}" title="${escapeHtml(`${STATUS_LABEL[s.status]}: ${s.sources.map((id) => digest.sources.find((x) => x.id === id)?.name ?? id).join(", ") || "the article"}`)}">${escapeHtml(paragraph.text.slice(span.start, span.end))}</mark>${label(s.status)}`;
    at = span.end;
  }
  return html + escapeHtml(paragraph.text.slice(at));
}

function articleSection(digest: Digest): string {
  const cited = new Map<number, Statement[]>();
  for (const s of digest.statements)
    for (const p of new Set(s.evidence.map((e) => e.paragraph))) cited.set(p, [...(cited.get(p) ?? []), s]);
  const paragraphs = digest.paragraphs.map((p) => {
    if (p.junk)
      return `<div class="para junk" id="p${p.index}"><span class="n">¶${p.index}</span><del>${escapeHtml(p.text)}</del>
<p class="why">Dropped as not part of the story${p.reason ? `: ${escapeHtml(p.reason)}` : ""}</p></div>`;
    const statements = cited.get(p.index) ?? [];
    const claims =
      statements.length === 0
        ? ""
        : `\n<ul class="claims">${statements.map((s) => `<li>${label(s.status)} ${statementHtml(digest, s)}</li>`).join("")}</ul>`;
    return `<div class="para" id="p${p.index}"><span class="n">¶${p.index}</span>${highlighted(p, statements, digest)}${claims}</div>`;
  });
  const legend = (Object.keys(STATUS_LABEL) as Status[])
    .map((s) => `<li><mark class="s-${s}">highlighted</mark>${label(s)}</li>`)
    .join("");
  return `<h2>The article</h2>
<ul class="legend" aria-label="What the highlights mean">${legend}</ul>
${paragraphs.join("\n")}`;
}

function briefSection(digest: Digest): string {
  const known = byStatus(digest, "confirmed").map((s) => `<li>${statementHtml(digest, s)}</li>`);
  const unknown = [
    ...byStatus(digest, "unknown"),
    ...byStatus(digest, "disputed"),
    ...byStatus(digest, "unconfirmed"),
  ].map((s) => `<li>${label(s.status)} ${statementHtml(digest, s)}</li>`);
  return `<h2>What we know</h2>
${known.length > 0 ? `<ul>${known.join("")}</ul>` : `<p class="note">Nothing confirmed yet.</p>`}
<h2>What we don't know</h2>
${unknown.length > 0 ? `<ul>${unknown.join("")}</ul>` : `<p class="note">No open questions in the article.</p>`}`;
}

function sourcesSection(digest: Digest): string {
  if (digest.sources.length === 0)
    return `<h2>Sources</h2>\n<p class="note">The article names no source.</p>`;
  const items = digest.sources.map((source) => {
    const said = digest.statements.filter((s) => s.sources.includes(source.id)).length;
    const aliases =
      source.aliases.length > 0
        ? `<br><span class="note">Also written: ${source.aliases.map(escapeHtml).join(", ")}</span>`
        : "";
    return `<li><strong>${escapeHtml(source.name)}</strong> — ${escapeHtml(source.kind)}${source.role ? `, ${escapeHtml(source.role)}` : ""} <span class="note">(${said} statement${said === 1 ? "" : "s"})</span>${aliases}</li>`;
  });
  return `<h2>Sources</h2>\n<ul>${items.join("")}</ul>`;
}

function diffItems(diff: DigestDiff): string[] {
  return [
    ...diff.statusChanged.map(
      ({ before, after }) =>
        `<li>${label(after.status)} ${escapeHtml(after.claim)} <span class="note">(was ${STATUS_LABEL[before.status].toLowerCase()})</span></li>`,
    ),
    ...diff.added.map((s) => `<li>New: ${label(s.status)} ${escapeHtml(s.claim)}</li>`),
    ...diff.removed.map((s) => `<li>No longer said: ${escapeHtml(s.claim)}</li>`),
    ...diff.newSources.map(
      (s) => `<li>New source: ${escapeHtml(s.name)} <span class="note">(${escapeHtml(s.kind)})</span></li>`,
    ),
  ];
}

function versionsSection(input: PageInput): string {
  const entries = input.versions.map((entry) => {
    const { meta } = entry;
    const isCurrent = meta.version === input.version.version;
    const name = `Version ${meta.version}`;
    const heading = isCurrent
      ? `<span class="current">${name} (this page)</span>`
      : entry.href
        ? `<a href="${escapeHtml(entry.href)}">${name}</a>`
        : name;
    const changes =
      meta.version === 1
        ? `<p class="note">First version.</p>`
        : entry.diff
          ? (() => {
              const items = diffItems(entry.diff);
              return items.length > 0
                ? `<ul class="diff">${items.join("")}</ul>`
                : `<p class="note">Reworded; nothing changed in substance.</p>`;
            })()
          : "";
    return `<li>${heading} <span class="meta">added ${escapeHtml(meta.addedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC"))} (${escapeHtml(meta.origin.kind)})</span>${changes}</li>`;
  });
  const omitted =
    input.omittedVersions && input.omittedVersions > 0
      ? `<p class="note">${input.omittedVersions} older version${input.omittedVersions === 1 ? "" : "s"} not shown.</p>`
      : "";
  return `<h2>Versions</h2>\n${omitted}<ol class="versions">${entries.join("\n")}</ol>`;
}

export function renderPage(input: PageInput): string {
  const { digest, article, version } = input;
  const counts = (Object.keys(STATUS_LABEL) as Status[])
    .map((s) => `${byStatus(digest, s).length} ${STATUS_LABEL[s].toLowerCase()}`)
    .join(" · ");
  const body = `<h1>${escapeHtml(article.title)}</h1>
<p class="meta">${escapeHtml(article.id)} · version ${version.version} of ${article.versions.length} · ${counts}</p>
${briefSection(digest)}
${articleSection(digest)}
${sourcesSection(digest)}
${versionsSection(input)}`;
  return layout(`${article.title} — Newsdesk`, body);
}
