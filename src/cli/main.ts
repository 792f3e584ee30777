import { parseArgs } from "node:util";
import "dotenv/config";
import { fileURLToPath } from "node:url";
import { answerQuestion } from "../ask/ask.ts";
import { checkClaim } from "../check/claim-check.ts";
import { type Config, ConfigError, loadConfig } from "../config.ts";
import { digestArticle } from "../engine/offline.ts";
import { BadInputError, UserError } from "../errors.ts";
import { createLogger } from "../log.ts";
import { renderDigestText } from "../render/digest-text.ts";
import { runConsole } from "./console.ts";
import { readArticleSource, validateArticle } from "./input.ts";
import { requireString, runJsonl } from "./jsonl.ts";

const USAGE = `usage:
  newsdesk digest FILE|- [--json]        readable digest (or the digest object with --json)
  newsdesk digest --jsonl                stdin {"id","article"} lines -> {"id","digest"} lines
  newsdesk check FILE --claim "TEXT"     does the article support the claim?
  newsdesk check --jsonl                 stdin {"id","article","claim"} -> {"id","verdict","evidence"}
  newsdesk ask FILE "QUESTION"           answer a question from the article
  newsdesk start                         the bot, or the local console when DISCORD_TOKEN is not set`;

export const SAMPLE_ARTICLE = fileURLToPath(
  new URL("../../examples/champs-elysees-2017-04-20.txt", import.meta.url),
);

class UsageError extends UserError {
  override name = "UsageError";
}

async function run(argv: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      jsonl: { type: "boolean", default: false },
      claim: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const max = config.MAX_ARTICLE_BYTES;
  switch (command) {
    case "digest": {
      if (values.jsonl) {
        const outcome = await runJsonl((row) => ({
          id: row.id,
          digest: digestArticle(validateArticle(requireString(row, "article"), max, "article")),
        }));
        return outcome.failed > 0 ? 1 : 0;
      }
      const text = await readArticleSource(needFile(rest[0]), max);
      const digest = digestArticle(text);
      process.stdout.write(
        values.json ? `${JSON.stringify(digest, null, 2)}\n` : `${renderDigestText(digest)}\n`,
      );
      return 0;
    }
    case "check": {
      if (values.jsonl) {
        const outcome = await runJsonl((row) => {
          const claim = requireString(row, "claim");
          if (!claim.trim()) throw new BadInputError("the claim is empty");
          const result = checkClaim(validateArticle(requireString(row, "article"), max, "article"), claim);
          return {
            id: row.id,
            verdict: result.verdict,
            evidence: result.evidence,
            rationale: result.rationale,
          };
        });
        return outcome.failed > 0 ? 1 : 0;
      }
      const claim = values.claim;
      if (!claim?.trim()) throw new UsageError('check needs --claim "TEXT"');
      const result = checkClaim(await readArticleSource(needFile(rest[0]), max), claim);
      if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        process.stdout.write(`${result.verdict}: ${result.rationale}\n`);
        for (const e of result.evidence) process.stdout.write(`  ¶${e.paragraph}: "${e.quote}"\n`);
      }
      return 0;
    }
    case "ask": {
      const question = rest.slice(1).join(" ").trim();
      if (!question) throw new UsageError('ask needs a question: newsdesk ask FILE "QUESTION"');
      const answer = answerQuestion(digestArticle(await readArticleSource(needFile(rest[0]), max)), question);
      process.stdout.write(values.json ? `${JSON.stringify(answer, null, 2)}\n` : `${answer.text}\n`);
      return 0;
    }
    case "start": {
      if (config.DISCORD_TOKEN)
        throw new UsageError(
          "the Discord bot is not part of this build yet; unset DISCORD_TOKEN to use the console",
        );
      const file = rest[0] ?? SAMPLE_ARTICLE;
      await runConsole(
        digestArticle(await readArticleSource(file, max)),
        file === SAMPLE_ARTICLE ? "the sample article" : file,
      );
      return 0;
    }
    default:
      throw new UsageError(`unknown command '${command}'\n${USAGE}`);
  }
}

function needFile(path: string | undefined): string {
  if (!path) throw new UsageError("missing FILE (use - for standard input)");
  return path;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(
      `newsdesk: ${error instanceof ConfigError ? error.message : "cannot read configuration"}\n`,
    );
    process.exit(78);
  }
  const log = createLogger(config.LOG_LEVEL);
  try {
    process.exitCode = await run(process.argv.slice(2), config);
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`newsdesk: ${error.message}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    } else if (
      error instanceof TypeError &&
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`newsdesk: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      log.error({ err: error, argv: process.argv.slice(2, 3) }, "command failed");
      process.stderr.write("newsdesk: internal error (run with LOG_LEVEL=debug for details)\n");
      process.exitCode = 70;
    }
  }
}

await main();
