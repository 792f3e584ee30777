import { safe } from "../src/render/safe-text.ts";
import { STATUS_COLOR } from "../src/reply.ts";
import { articleOption, digestCommand } from "./types.ts";

export const sources = digestCommand(
  {
    name: "sources",
    description: "Who said what, with the spellings merged",
    options: [articleOption],
  },
  (digest) => {
    const fields = digest.sources.map((src) => {
      const said = digest.statements.filter((s) => s.sources.includes(src.id));
      const aka = src.aliases.length > 0 ? `Also written: ${src.aliases.map(safe).join(", ")}\n` : "";
      const lines = said.map((s) => `• (${s.status}) ${safe(s.claim)} (¶${s.evidence[0]?.paragraph ?? "?"})`);
      return {
        name: `${safe(src.name)} — ${src.kind}${src.role ? `, ${safe(src.role)}` : ""}`,
        value: `${aka}${lines.join("\n") || "Named, not quoted."}`,
      };
    });
    return {
      embeds: [
        {
          title: `Sources — ${safe(digest.title)}`,
          ...(fields.length === 0 ? { description: "The article names no sources." } : {}),
          color: STATUS_COLOR.neutral,
          fields,
        },
      ],
    };
  },
);
