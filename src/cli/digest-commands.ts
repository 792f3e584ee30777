import { validateArticle } from "../digest/article-text.ts";
import type { Digest } from "../digest/schema.ts";
import { BadInputError } from "../errors.ts";
import { readPage } from "../intake/read-link.ts";
import { renderDigestText } from "../render/digest-text.ts";
import { readingNotice } from "../render/reading-notice.ts";
import { BoundedMap, textKey } from "../util/bounded-map.ts";
import { CLI_FOLLOW, type CliContext, needArg, UsageError } from "./context.ts";
import { readArticleSource } from "./input.ts";
import { requireString, runJsonl } from "./jsonl.ts";

const FILE = "FILE (use - for standard input)";

async function digestOf(ctx: CliContext, text: string): Promise<Digest> {
  return (await (await ctx.services()).digests.digest(text)).digest;
}

/**
 * A single check builds (or reuses) the article's digest, so the verdict agrees with the digest's own
 * reading of the supporting sentence. A batch (`check --jsonl`) reuses a cached digest but never builds
 * one just for a check: thousands of claims must stay fast.
 */
async function check(ctx: CliContext, article: string, claim: string, batch = false) {
  const { answerer, digests } = await ctx.services();
  const digest =
    answerer.checkNeedsDigest || !batch ? await digestOf(ctx, article) : await digests.peek(article);
  return answerer.check(article, claim, digest);
}

/** A file, standard input, or a link (fetched with the same refusals as the bot's). */
async function articleText(ctx: CliContext, source: string, max: number): Promise<string> {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !/^(?:data|file|javascript):/i.test(source))
    return readArticleSource(source, max, ctx.io.stdin);
  const page = await readPage((await ctx.services()).intake, source, CLI_FOLLOW);
  return validateArticle(page.text, max, source);
}

export async function digestCommand(ctx: CliContext): Promise<number> {
  const max = ctx.config.MAX_ARTICLE_BYTES;
  if (ctx.flags.jsonl) {
    const outcome = await runJsonl(ctx.io, async (row) => ({
      id: row.id,
      digest: await digestOf(ctx, validateArticle(requireString(row, "article"), max, "article")),
    }));
    return outcome.failed > 0 ? 1 : 0;
  }
  const digest = await digestOf(ctx, await articleText(ctx, needArg(ctx.args[0], FILE), max));
  ctx.io.stdout.write(
    ctx.flags.json ? `${JSON.stringify(digest, null, 2)}\n` : `${renderDigestText(digest)}\n`,
  );
  return 0;
}

export async function checkCommand(ctx: CliContext): Promise<number> {
  const max = ctx.config.MAX_ARTICLE_BYTES;
  if (ctx.flags.jsonl) {
    const outcome = await runJsonl(ctx.io, async (row) => {
      const claim = requireString(row, "claim");
      if (!claim.trim()) throw new BadInputError("the claim is empty");
      const result = await check(
        ctx,
        validateArticle(requireString(row, "article"), max, "article"),
        claim,
        true,
      );
      return { id: row.id, verdict: result.verdict, evidence: result.evidence, rationale: result.rationale };
    });
    return outcome.failed > 0 ? 1 : 0;
  }
  const claim = ctx.flags.claim;
  if (!claim?.trim()) throw new UsageError('check needs --claim "TEXT"');
  const result = await check(
    ctx,
    await readArticleSource(needArg(ctx.args[0], FILE), max, ctx.io.stdin),
    claim,
  );
  if (ctx.flags.json) ctx.io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    ctx.io.stdout.write(`${result.verdict}: ${result.rationale}\n`);
    for (const e of result.evidence) ctx.io.stdout.write(`  ¶${e.paragraph}: "${e.quote}"\n`);
  }
  return 0;
}

export async function askCommand(ctx: CliContext): Promise<number> {
  const max = ctx.config.MAX_ARTICLE_BYTES;
  if (ctx.flags.jsonl) {
    const { answerer } = await ctx.services();
    // Many questions share an article: each distinct text is validated and digested once per run.
    const digests = new BoundedMap<string, Promise<Digest>>(64);
    const outcome = await runJsonl(ctx.io, async (row) => {
      const question = requireString(row, "question");
      if (!question.trim()) throw new BadInputError("the question is empty");
      const article = validateArticle(requireString(row, "article"), max, "article");
      const key = textKey(article);
      let digest = digests.get(key);
      if (!digest) {
        digest = digestOf(ctx, article);
        digests.set(key, digest);
      }
      const answer = await answerer.ask(await digest, question);
      return { id: row.id, status: answer.status, answer: answer.text, paragraphs: answer.paragraphs };
    });
    return outcome.failed > 0 ? 1 : 0;
  }
  const question = ctx.args.slice(1).join(" ").trim();
  const file = needArg(ctx.args[0], FILE);
  if (!question) throw new UsageError('ask needs a question: newsdesk ask FILE "QUESTION"');
  const digest = await digestOf(ctx, await readArticleSource(file, max, ctx.io.stdin));
  const answer = await (await ctx.services()).answerer.ask(digest, question);
  const notice = readingNotice(digest);
  const text = notice ? `${notice}\n${answer.text}` : answer.text;
  ctx.io.stdout.write(ctx.flags.json ? `${JSON.stringify(answer, null, 2)}\n` : `${text}\n`);
  return 0;
}
