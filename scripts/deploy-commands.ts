/**
 * Registers the slash commands with Discord: guild-scoped (instant) when DISCORD_GUILD_ID is set, global
 * otherwise. Run it when the commands change (`npm run deploy:commands`), never on every start.
 */
import "dotenv/config";
import { REST, Routes } from "discord.js";
import { loadConfig } from "../src/config.ts";
import { allCommandPayloads } from "../src/discord/definitions.ts";

const config = loadConfig();
const missing = ["DISCORD_TOKEN", "DISCORD_APPLICATION_ID"].filter((k) => !config[k as keyof typeof config]);
if (missing.length > 0) {
  process.stderr.write(`deploy:commands: set ${missing.join(" and ")} in .env first\n`);
  process.exit(78);
}
const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN ?? "");
const appId = config.DISCORD_APPLICATION_ID ?? "";
const route = config.DISCORD_GUILD_ID
  ? Routes.applicationGuildCommands(appId, config.DISCORD_GUILD_ID)
  : Routes.applicationCommands(appId);
try {
  const body = allCommandPayloads();
  await rest.put(route, { body });
  process.stdout.write(
    `deploy:commands: registered ${body.length} commands ${config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID}` : "globally (may take up to an hour to appear)"}\n`,
  );
} catch (error) {
  process.stderr.write(
    `deploy:commands: Discord refused the commands: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
