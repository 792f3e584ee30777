import { STATUS_COLOR } from "../src/reply.ts";
import { articleOption, type DigestCommand } from "./types.ts";

export const sources: DigestCommand = {
  definition: {
    name: "sources",
    description: "Who said what, with the spellings merged",
    options: [articleOption],
  },
  handle(digest) {
    const fields = digest.sources.map((src) => {
      const said = digest.statements.filter((s) => s.sources.includes(src.id));
      const aka = src.aliases.length > 0 ? `Also written: ${src.aliases.join(", ")}\n` : "";
      const lines = said.map((s) => `• (${s.status}) ${s.claim} (¶${s.evidence[0]?.paragraph ?? "?"})`);
      return {
        name: `${src.name} — ${src.kind}${src.role ? `, ${src.role}` : ""}`,
        value: `${aka}${lines.join("\n") || "Named, not quoted."}`,
      };
    });
    return {
      embeds: [
        {
          title: `Sources — ${digest.title}`,
          ...(fields.length === 0 ? { description: "The article names no sources." } : {}),
          color: STATUS_COLOR.neutral,
          fields,
        },
      ],
    };
  },
};
