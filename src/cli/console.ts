import { createInterface } from "node:readline/promises";
import { digestCommands } from "../../commands/index.ts";
import { type Answerer, offlineAnswerer } from "../ask/answerer.ts";
import type { Digest } from "../digest/schema.ts";
import { renderReplyText } from "../render/reply-text.ts";
import type { CliIo } from "./context.ts";

const HELP = `Commands: ${[...digestCommands.keys()].map((n) => `/${n}`).join(" ")} — e.g. /ask who claimed the attack?  (/help, /quit)`;

/** Runs one console line through the same handlers the bot uses; returns what the bot would answer. */
export async function answerConsoleLine(
  digest: Digest,
  line: string,
  answerer: Answerer = offlineAnswerer,
): Promise<string> {
  const m = /^\/(\S+)\s*(.*)$/.exec(line.trim());
  if (!m?.[1]) return HELP;
  const name = m[1].toLowerCase();
  if (name === "help") return HELP;
  const command = digestCommands.get(name);
  if (!command) return `Unknown command /${name}. ${HELP}`;
  const rest = (m[2] ?? "").trim();
  if (name === "ask" && !rest) return "Usage: /ask QUESTION";
  return renderReplyText(
    await command.handle(digest, name === "ask" ? { question: rest } : {}, { answerer }),
  );
}

/** The interactive console `npm start` opens when no Discord token is configured. */
export async function runConsole(
  digest: Digest,
  articleName: string,
  answerer: Answerer,
  io: CliIo,
): Promise<void> {
  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal: io.stdin.isTTY });
  io.stdout.write(
    `Newsdesk console — no DISCORD_TOKEN set, so answering locally on ${articleName}.\n${HELP}\n`,
  );
  rl.setPrompt("newsdesk> ");
  rl.prompt();
  for await (const line of rl) {
    if (/^\/(quit|exit)\b/.test(line.trim())) break;
    if (line.trim()) io.stdout.write(`${await answerConsoleLine(digest, line, answerer)}\n`);
    rl.prompt();
  }
  rl.close();
}
