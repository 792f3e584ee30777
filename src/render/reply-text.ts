import { type Reply, renderChannelRefs } from "../reply.ts";

/** How the local console shows a reply: the same embeds Discord would get, as plain text. */
export function renderReplyText(reply: Reply): string {
  return reply.embeds
    .map((e) => {
      const parts = [`== ${e.title} ==`];
      if (e.description) parts.push(e.description);
      for (const f of e.fields) parts.push(`-- ${f.name}\n${f.value}`);
      if (e.footer) parts.push(`(${e.footer})`);
      return renderChannelRefs(parts.join("\n"), (id) => `#${id}`);
    })
    .join("\n\n");
}
