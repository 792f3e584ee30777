import { userInfo } from "node:os";
import { basename } from "node:path";
import { validateArticle } from "../digest/article-text.ts";
import { UserError } from "../errors.ts";
import { readPage } from "../intake/read-link.ts";
import type { ArticleLibrary } from "../library/library.ts";
import { renderDiffText } from "../render/diff-text.ts";
import { statusCounts } from "../render/statements.ts";
import { CLI_FOLLOW, type CliContext, needArg, UsageError } from "./context.ts";
import { readArticleSource } from "./input.ts";

const who = () => `cli:${userInfo().username}`;

function versionNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a version number (1, 2, ...)`);
  return n;
}

async function library(ctx: CliContext): Promise<ArticleLibrary> {
  const lib = (await ctx.services()).library;
  if (!lib) throw new UserError("the library needs the store: drop --no-cache");
  return lib;
}

/** newsdesk library add|list|update|diff: the guild's article library in the configured store. */
export async function libraryCommand(ctx: CliContext): Promise<number> {
  const [sub, ...rest] = ctx.args;
  const guildId = ctx.flags.guild;
  const max = ctx.config.MAX_ARTICLE_BYTES;
  switch (sub) {
    case "add": {
      if (ctx.flags.url) {
        const page = await readPage((await ctx.services()).intake, ctx.flags.url, CLI_FOLLOW);
        const r = await (await library(ctx)).add({
          guildId,
          text: validateArticle(page.text, max, ctx.flags.url),
          title: ctx.flags.title ?? page.title,
          origin: { kind: "url", ref: ctx.flags.url },
          addedBy: who(),
        });
        ctx.io.stdout.write(
          `added ${r.article.id}: ${r.article.title} (version 1; ${statusCounts(r.digest)})\n`,
        );
        return 0;
      }
      const file = needArg(rest[0], "FILE");
      const text = await readArticleSource(file, max, ctx.io.stdin);
      const r = await (await library(ctx)).add({
        guildId,
        text,
        ...(ctx.flags.title ? { title: ctx.flags.title } : {}),
        origin: file === "-" ? { kind: "paste" } : { kind: "file", ref: basename(file) },
        addedBy: who(),
      });
      ctx.io.stdout.write(
        `added ${r.article.id}: ${r.article.title} (version 1; ${statusCounts(r.digest)})\n`,
      );
      return 0;
    }
    case "list": {
      const articles = await (await library(ctx)).list(guildId);
      if (articles.length === 0)
        ctx.io.stdout.write("the library is empty: add an article with `newsdesk library add FILE`\n");
      for (const a of articles) {
        const last = a.versions.at(-1);
        ctx.io.stdout.write(
          `${a.id}\t${a.title}\tv${a.versions.length}\t${last?.addedAt ?? ""}\t${last?.addedBy ?? ""}\n`,
        );
      }
      return 0;
    }
    case "update": {
      const id = needArg(rest[0], "ID");
      const file = needArg(rest[1], "FILE");
      const text = await readArticleSource(file, max, ctx.io.stdin);
      const r = await (await library(ctx)).update({
        guildId,
        id,
        text,
        origin: file === "-" ? { kind: "paste" } : { kind: "file", ref: basename(file) },
        addedBy: who(),
      });
      ctx.io.stdout.write(
        r.unchanged
          ? `${id}: the text is the same as version ${r.version.version}; nothing new stored\n`
          : `updated ${id} to version ${r.version.version} (${statusCounts(r.digest)})\n`,
      );
      return 0;
    }
    case "diff": {
      const id = needArg(rest[0], "ID");
      const diff = await (await library(ctx)).diff(
        guildId,
        id,
        versionNumber(ctx.flags.from, "--from"),
        versionNumber(ctx.flags.to, "--to"),
      );
      ctx.io.stdout.write(
        ctx.flags.json ? `${JSON.stringify(diff, null, 2)}\n` : `${renderDiffText(diff)}\n`,
      );
      return 0;
    }
    default:
      throw new UsageError(
        "library needs one of: add FILE|--url URL [--title T], list, update ID FILE, diff ID [--from V --to V]",
      );
  }
}
