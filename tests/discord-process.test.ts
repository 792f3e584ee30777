import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChannelType } from "discord-api-types/v10";
import { DigitalDiscord } from "discord-digital-twin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, logLines } from "./support/cli.ts";
import { SAMPLE_PATH } from "./support/paths.ts";
import { ROOT, startTs } from "./support/ts-process.ts";

/** Whether every process of a process group has ended within `ms`. */
async function groupEnds(group: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      process.kill(-group, 0);
    } catch {
      return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}
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

  it("newsdesk start runs the bot when DISCORD_TOKEN is set and stops cleanly on SIGTERM", async () => {
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

  it("npm start passes a process manager's SIGTERM on to the bot, which stops cleanly with exit 0", async () => {
    // Its own process group, so that whatever the test leaves behind (an orphaned bot) can be ended.
    const npm = spawn("npm", ["start"], {
      cwd: ROOT,
      detached: true,
      env: {
        ...process.env,
        DISCORD_TOKEN: discord.botToken,
        DISCORD_API_URL: discord.restUrl,
        STORE_URL: "memory",
        LOG_LEVEL: "info",
      },
    });
    const group = npm.pid;
    if (group === undefined) throw new Error("npm did not start");
    try {
      let stderr = "";
      npm.stderr.on("data", (d) => (stderr += d));
      npm.stdout.resume();
      const exited = new Promise<number | null>((resolve) => npm.on("exit", (code) => resolve(code)));
      const deadline = Date.now() + 20_000;
      while (!stderr.includes("bot online") && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(stderr).toContain("bot online");

      npm.kill("SIGTERM"); // to npm, as a process manager would, not to node
      expect(await exited).toBe(0);
      expect(logLines(stderr).map((l) => l.msg)).toContain("shutting down: finishing replies in flight");
      expect(stderr).toContain("newsdesk: bot stopped (SIGTERM)");
      // Nothing of the bot is left running (helpers such as tsx's esbuild end a moment after node).
      expect(await groupEnds(group, 5_000)).toBe(true);
    } finally {
      try {
        process.kill(-group, "SIGKILL");
      } catch {
        // already gone, as it should be
      }
    }
  }, 40_000);
});
