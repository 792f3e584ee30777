import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChannelType } from "discord-api-types/v10";
import { DigitalDiscord } from "discord-digital-twin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./support/cli.ts";
import { SAMPLE_PATH } from "./support/paths.ts";
import { ROOT, startTs } from "./support/ts-process.ts";

let discord: DigitalDiscord;

beforeAll(async () => {
  discord = new DigitalDiscord({
    channels: [{ name: "breaking", type: ChannelType.GuildText }],
    users: [{ username: "editor" }],
  });
  await discord.start();
});
afterAll(async () => {
  await discord?.stop();
});

describe("the bot as the newsroom runs it", () => {
  it("npm run deploy:commands registers every command in the configured guild", async () => {
    const env = {
      DISCORD_TOKEN: discord.botToken,
      DISCORD_APPLICATION_ID: discord.botUserId,
      DISCORD_GUILD_ID: discord.guildId,
      DISCORD_API_URL: discord.restUrl,
    };
    const deploy = startTs(join(ROOT, "scripts/deploy-commands.ts"), [], { ...process.env, ...env });
    const { code, stderr } = await deploy.exited;
    const result = { code, out: deploy.out() + stderr };
    expect(result.out).toMatch(/registered 9 commands in guild/);
    expect(result.code).toBe(0);
    const commands = await discord.prisma.applicationCommand.findMany({
      where: { guildId: discord.guildId },
    });
    expect(commands.map((c) => c.name).sort()).toEqual([
      "article",
      "ask",
      "brief",
      "confirmed",
      "digest",
      "follow",
      "sources",
      "summary",
      "unconfirmed",
    ]);
    expect(commands.find((c) => c.name === "article")?.defaultMemberPermissions).toBe("8192");
    expect(commands.find((c) => c.name === "digest")?.defaultMemberPermissions).toBe("8192");
    expect(commands.find((c) => c.name === "follow")?.defaultMemberPermissions).toBe("8192");
  });

  it("npm start runs the bot when DISCORD_TOKEN is set and stops cleanly on SIGTERM", async () => {
    const store = `sqlite://${join(mkdtempSync(join(tmpdir(), "newsdesk-bot-")), "bot.sqlite")}`;
    expect(
      (await cli(["library", "add", SAMPLE_PATH, "--guild", discord.guildId], "", { STORE_URL: store })).code,
    ).toBe(0);
    const channelId = (await discord.prisma.channel.findMany())[0]?.id ?? "";
    const userId = (await discord.getFirstNonBotUserId()) ?? "";
    const child = spawn(join(ROOT, "bin/newsdesk"), ["start"], {
      env: {
        ...process.env,
        DISCORD_TOKEN: discord.botToken,
        DISCORD_API_URL: discord.restUrl,
        STORE_URL: store,
      },
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 20_000;
    while (!stderr.includes("bot online") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toContain("bot online");

    const run = await discord
      .channel(channelId)
      .user(userId)
      .runSlashCommand({
        name: "summary",
        options: [{ name: "article", type: 3, value: "paris-police-say-officer-and" }],
      });
    const ack = await discord
      .channel(channelId)
      .waitForInteractionAck({ interactionId: run.id, timeout: 15_000 });
    expect(ack.acknowledged).toBe(true);
    const reply = await discord.channel(channelId).waitForBotReply({ timeout: 15_000 });
    expect(reply.embeds[0]?.title).toBe("Paris police say officer and attacker shot, killed");

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
