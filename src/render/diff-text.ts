import type { Statement } from "../digest/schema.ts";
import type { VersionDiff } from "../library/library.ts";

/** What changed between two versions, in a reporter's terms; replies pass `safe` for article text. */
export function renderDiffText(
  { article, from, to, diff }: VersionDiff,
  clean: (text: string) => string = (t) => t,
): string {
  const line = (s: Statement) => `${clean(s.claim)} (¶${s.evidence[0]?.paragraph ?? "?"})`;
  const out = [`${clean(article.title)} — changes from version ${from} to ${to}`];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push("", title, ...lines.map((l) => `  - ${l}`));
  };
  section(
    "Status changed",
    diff.statusChanged.map(
      (c) => `${c.before.status} → ${c.after.status}: ${line(c.after)} (was: ${line(c.before)})`,
    ),
  );
  section(
    "New",
    diff.added.map((s) => `[${s.status}] ${line(s)}`),
  );
  section(
    "No longer in the story (withdrawn or not repeated)",
    diff.removed.map((s) => `[${s.status}] ${line(s)}`),
  );
  section(
    "New sources",
    diff.newSources.map((s) => `${clean(s.name)} [${s.kind}]`),
  );
  if (out.length === 1) out.push("", "No change in what the article says.");
  return out.join("\n");
}
