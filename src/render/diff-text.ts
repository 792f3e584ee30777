import type { Digest, Statement } from "../digest/schema.ts";
import type { VersionDiff } from "../library/library.ts";

const line = (s: Statement) => `${s.claim} (¶${s.evidence[0]?.paragraph ?? "?"})`;

/** What changed between two versions, in a reporter's terms. */
export function renderDiffText({ article, from, to, diff }: VersionDiff, after?: Digest): string {
  const out = [`${article.title} — changes from version ${from} to ${to}`];
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
    diff.newSources.map((s) => `${s.name} [${s.kind}]`),
  );
  if (out.length === 1) out.push("", after ? "No change in what the article says." : "No change.");
  return out.join("\n");
}
