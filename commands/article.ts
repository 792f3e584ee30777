import { BadInputError } from "../src/errors.ts";
import { readPage } from "../src/intake/read-link.ts";
import type { Intake } from "../src/intake/types.ts";
import type { Origin } from "../src/library/schema.ts";
import { renderDiffText } from "../src/render/diff-text.ts";
import { safe } from "../src/render/safe-text.ts";
import { statusCounts } from "../src/render/statements.ts";
import { notice, type Reply, STATUS_COLOR } from "../src/reply.ts";
import {
  type CommandDefinition,
  type CommandInput,
  type GuildCommand,
  type GuildContext,
  integer,
  required,
  text,
} from "./types.ts";

const articleId = {
  name: "article",
  description: "Article id",
  type: "string",
  required: true,
  autocomplete: true,
} as const;
const file = {
  name: "file",
  description: "A .txt file with the article (leave empty to paste the text in a form)",
  type: "attachment",
  required: false,
} as const;

/** /article: the guild's library. Changing it needs Manage Messages. */
export const articleDefinition = {
  name: "article",
  description: "The guild's article library",
  options: [],
  requires: "ManageMessages",
  subcommands: [
    {
      name: "add",
      description: "Add an article (paste it in a form, attach a .txt file, or give its link)",
      options: [
        file,
        {
          name: "url",
          description: "Link to the article's page (fetched once; use /follow to keep it up to date)",
          type: "string",
          required: false,
          maxLength: 2000,
        },
        {
          name: "title",
          description: "Title (default: the headline)",
          type: "string",
          required: false,
          maxLength: 200,
        },
      ],
    },
    { name: "list", description: "List the guild's articles", options: [] },
    { name: "use", description: "Make an article this channel's current article", options: [articleId] },
    { name: "update", description: "Add a new version of an article", options: [articleId, file] },
    {
      name: "changes",
      description: "What changed between two versions",
      options: [
        articleId,
        {
          name: "from",
          description: "Earlier version (default: the one before the latest)",
          type: "integer",
          required: false,
        },
        { name: "to", description: "Later version (default: the latest)", type: "integer", required: false },
      ],
    },
  ],
} as const satisfies CommandDefinition;

/** The library's part of a command's context: enough to add, list and use articles. */
export type LibraryContext = Pick<GuildContext, "library" | "guildId" | "channelId" | "actor">;

export async function addArticle(
  ctx: LibraryContext,
  text: string,
  origin: Origin,
  title?: string,
): Promise<Reply> {
  const r = await ctx.library.add({
    guildId: ctx.guildId,
    text,
    origin,
    addedBy: ctx.actor,
    ...(title ? { title } : {}),
  });
  return notice(
    `Added ${r.article.id}`,
    `${safe(r.article.title)}\n${statusCounts(r.digest)}\nUse it here with /article use.`,
  );
}

/** /article add url: the page's readable text, under its own title unless one is given. */
export async function addArticleFromLink(
  ctx: LibraryContext,
  intake: Intake,
  url: string,
  title?: string | null,
): Promise<Reply> {
  const page = await readPage(intake, url, "/follow add");
  return addArticle(ctx, page.text, { kind: "url", ref: url }, title?.trim() || page.title);
}

export async function updateArticle(
  ctx: LibraryContext,
  id: string,
  text: string,
  origin: Origin,
): Promise<Reply> {
  const r = await ctx.library.update({ guildId: ctx.guildId, id, text, origin, addedBy: ctx.actor });
  return r.unchanged
    ? notice(
        `No change to ${id}`,
        `The text is the same as version ${r.version.version}; nothing new was stored.`,
      )
    : notice(
        `Updated ${id} to version ${r.version.version}`,
        `${statusCounts(r.digest)}\nSee what changed with /article changes.`,
      );
}

export async function listArticles(ctx: LibraryContext): Promise<Reply> {
  const articles = await ctx.library.list(ctx.guildId);
  const current = await ctx.library.channelArticle(ctx.guildId, ctx.channelId);
  const lines = articles.map((a) => {
    const last = a.versions.at(-1);
    const mark = a.id === current ? " ← this channel" : "";
    return `• \`${a.id}\` ${safe(a.title)} (v${a.versions.length}, ${last?.addedAt.slice(0, 16).replace("T", " ") ?? ""} UTC)${mark}`;
  });
  return notice("Articles", lines.join("\n") || "The library is empty: add an article with /article add.");
}

export async function useArticle(ctx: LibraryContext, id: string): Promise<Reply> {
  await ctx.library.setChannelArticle(ctx.guildId, ctx.channelId, id);
  const article = await ctx.library.get(ctx.guildId, id);
  return notice("Current article for this channel", `${safe(article.title)} (\`${id}\`)`);
}

export async function articleChanges(
  ctx: LibraryContext,
  id: string,
  from?: number,
  to?: number,
): Promise<Reply> {
  const diff = await ctx.library.diff(ctx.guildId, id, from, to);
  const [heading = "", ...rest] = renderDiffText(diff, safe).split("\n");
  return {
    embeds: [
      { title: heading, description: rest.join("\n").trim(), color: STATUS_COLOR.neutral, fields: [] },
    ],
  };
}

/** /article add|list|use|update|changes. */
export const articleCommand: GuildCommand<typeof articleDefinition> = {
  definition: articleDefinition,
  changes: new Set(["add", "use", "update"]),
  readsAttachment: true,
  // Neither a file nor a link: the text is pasted in a form (for update, of an article that exists).
  async form(ctx, input) {
    if (input.subcommand !== "add" && input.subcommand !== "update") return undefined;
    if (input.options.file !== undefined || text(input, "url")) return undefined;
    if (input.subcommand === "add") return {};
    const id = required(input, "article");
    await ctx.library.get(ctx.guildId, id);
    return { id };
  },
  async handle(ctx, input) {
    switch (input.subcommand) {
      case "add": {
        const url = text(input, "url");
        if (url) return addArticleFromLink(ctx, ctx.intake, url, text(input, "title"));
        const file = attached(input);
        return addArticle(ctx, file.text, { kind: "attachment", ref: file.name }, text(input, "title"));
      }
      case "update": {
        const file = attached(input);
        return updateArticle(ctx, required(input, "article"), file.text, {
          kind: "attachment",
          ref: file.name,
        });
      }
      case "list":
        return listArticles(ctx);
      case "use":
        return useArticle(ctx, required(input, "article"));
      case "changes":
        return articleChanges(ctx, required(input, "article"), integer(input, "from"), integer(input, "to"));
      default:
        throw new BadInputError(`Unknown subcommand ${input.subcommand}.`);
    }
  },
};

function attached(input: CommandInput): { name: string; text: string } {
  if (!input.attachment) throw new BadInputError("Attach the article as a .txt file, or give its link.");
  return input.attachment;
}
