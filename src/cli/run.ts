import { parseArgs } from "node:util";
import { openServices, type Services } from "../app.ts";
import { type Config, ConfigError, loadConfig } from "../config.ts";
import { UserError } from "../errors.ts";
import { createLogger, type Logger } from "../log.ts";
import { projectPath } from "../util/project-paths.ts";
import { type CliContext, type CliIo, UsageError } from "./context.ts";
import { askCommand, checkCommand, digestCommand } from "./digest-commands.ts";
import { followCommand } from "./follow-commands.ts";
import { libraryCommand } from "./library-commands.ts";
import { USAGE } from "./usage.ts";

export const SAMPLE_ARTICLE = projectPath("examples/sample-breaking-news.txt");

const isEngineChoice = (v: string): v is "offline" | "openai" | "auto" =>
  v === "offline" || v === "openai" || v === "auto";

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      jsonl: { type: "boolean", default: false },
      "no-cache": { type: "boolean", default: false },
      claim: { type: "string" },
      title: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      guild: { type: "string", default: "cli" },
      url: { type: "string" },
      channel: { type: "string" },
      every: { type: "string" },
      engine: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const { json, jsonl, claim, title, from, to, guild, help, url, channel, every } = values;
  const engine = values.engine;
  if (engine !== undefined && !isEngineChoice(engine))
    throw new UsageError(`--engine must be offline, openai or auto (got '${engine}')`);
  return {
    command: positionals[0],
    args: positionals.slice(1),
    help,
    flags: {
      json,
      jsonl,
      noCache: values["no-cache"],
      guild,
      ...(claim !== undefined ? { claim } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(url !== undefined ? { url } : {}),
      ...(channel !== undefined ? { channel } : {}),
      ...(every !== undefined ? { every } : {}),
      ...(engine !== undefined ? { engine } : {}),
    },
  };
}

const COMMANDS: Record<string, (ctx: CliContext) => Promise<number>> = {
  digest: digestCommand,
  check: checkCommand,
  ask: askCommand,
  library: libraryCommand,
  follow: followCommand,
  // The bot's modules (discord.js) load only for `start`: every other command starts faster without them.
  start: async (ctx) => (await import("./start.ts")).startCommand(ctx, SAMPLE_ARTICLE),
  worker: async (ctx) => (await import("./worker.ts")).workerCommand(ctx),
};

async function run(
  argv: string[],
  config: Config,
  log: Logger,
  io: CliIo,
  opened: { services?: Services },
): Promise<number> {
  const { command, args, flags, help } = parse(argv);
  if (help || !command) {
    io.stdout.write(`${USAGE}\n`);
    return help ? 0 : 2;
  }
  const handler = COMMANDS[command];
  if (!handler) throw new UsageError(`unknown command '${command}'\n${USAGE}`);
  let pending: Promise<Services> | undefined;
  const services = () => {
    pending ??= openServices(config, log, {
      cache: !flags.noCache,
      // The bot and the console answer while digesting: the engine runs off the event loop there. So does
      // a queue worker, whose event loop must stay free to renew the lock of the job it is running.
      offThread: command === "start" || command === "worker",
      runsJobs: command === "worker",
      ...(flags.engine ? { engine: flags.engine } : {}),
    }).then((s) => {
      opened.services = s;
      return s;
    });
    return pending;
  };
  return handler({ args, flags, config, log, services, io });
}

/**
 * One CLI run on the given arguments, settings and streams; returns the exit code. bin/newsdesk runs it on
 * the process's own (see main.ts); tests run it in-process.
 */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    io.stderr.write(
      `newsdesk: ${error instanceof ConfigError ? error.message : "cannot read configuration"}\n`,
    );
    return 78;
  }
  const log = createLogger(config.LOG_LEVEL, io.log);
  const opened: { services?: Services } = {};
  try {
    return await run(argv, config, log, io, opened);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr.write(`newsdesk: ${error.message}\n`);
      return error instanceof UsageError ? 2 : 1;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`newsdesk: ${error.message}\n`);
      return 2;
    }
    log.error({ err: error, command: argv[0] }, "command failed");
    io.stderr.write("newsdesk: internal error (run with LOG_LEVEL=debug for details)\n");
    return 70;
  } finally {
    await opened.services?.close();
  }
}
