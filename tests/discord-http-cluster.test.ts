import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { ChannelType } from "discord-api-types/v10";
import { DigitalDiscord } from "discord-digital-twin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationKeys, type Relay, startRelay } from "./support/interactions-relay.ts";
import { closedPort } from "./support/ports.ts";
import { ROOT } from "./support/ts-process.ts";
import {
  addByAttachment,
  allPages,
  embedText,
  replyTo,
  slash,
  startAttachmentServer,
  type TwinFiles,
} from "./support/twin.ts";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL)
  console.warn("discord-http-cluster: REDIS_URL is not set, so the two-process test is SKIPPED");

interface Endpoint {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `newsdesk start` in http mode: a separate process with its own port, sharing only Redis. */
async function startEndpoint(env: Record<string, string>): Promise<Endpoint> {
  const port = await closedPort();
  const child = spawn(join(ROOT, "bin/newsdesk"), ["start"], {
    env: { ...process.env, ...env, WEB_PORT: String(port), LOG_LEVEL: "info" },
  });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!stderr.includes("interactions endpoint on port") && Date.now() < deadline) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!stderr.includes("interactions endpoint on port")) throw new Error(`endpoint did not start: ${stderr}`);
  return { child, url: `http://127.0.0.1:${port}/interactions`, stderr: () => stderr, exited };
}

describe.skipIf(!REDIS_URL)("two HTTP-mode processes behind one load balancer, on one Redis", () => {
  let discord: DigitalDiscord;
  let relay: Relay;
  let attachments: Awaited<ReturnType<typeof startAttachmentServer>> | undefined;
  const endpoints: Endpoint[] = [];
  const t = {} as TwinFiles & { editorId: string; reporterId: string };

  beforeAll(async () => {
    discord = new DigitalDiscord({
      guild: { name: "Newsroom" },
      channels: [{ name: "breaking", type: ChannelType.GuildText }],
      users: [{ username: "editor" }, { username: "reporter" }],
    });
    await discord.start();
    const users = await discord.prisma.user.findMany({ where: { bot: false } });
    attachments = await startAttachmentServer();
    Object.assign(t, {
      discord,
      channelId: (await discord.prisma.channel.findMany())[0]?.id ?? "",
      files: attachments.files,
      fileUrl: attachments.fileUrl,
      editorId: users.find((u) => u.username === "editor")?.id ?? "",
      reporterId: users.find((u) => u.username === "reporter")?.id ?? "",
    });
    const keys = applicationKeys();
    const env = {
      INTERACTIONS_MODE: "http",
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_TOKEN: discord.botToken,
      DISCORD_API_URL: discord.restUrl,
      STORE_URL: REDIS_URL ?? "",
      WEB_SECRET: "a-cluster-secret-of-at-least-32-characters",
    };
    endpoints.push(...(await Promise.all([startEndpoint(env), startEndpoint(env)])));
    relay = await startRelay(
      discord,
      endpoints.map((e) => e.url),
      keys.privateKey,
    );
  }, 90_000);

  afterAll(async () => {
    await relay?.stop();
    for (const e of endpoints) if (e.child.exitCode === null) e.child.kill("SIGTERM");
    await Promise.all(endpoints.map((e) => e.exited));
    await discord?.stop();
    await attachments?.close();
  });

  it("an article added through one process is paged through by the other, Next and Previous alternating", async () => {
    const paragraphs = Array.from(
      { length: 60 },
      (_, i) =>
        `The harbour authority said pier ${i + 1} would stay closed while divers inspect the pilings after the collision. Ferries for route ${i + 1} were moved to the east terminal.`,
    );
    t.files.set("harbour.txt", ["Harbour closes sixty piers after collision", ...paragraphs].join("\n\n"));
    const added = await addByAttachment(t, t.editorId, "harbour.txt", t.files.get("harbour.txt") ?? "");
    const id = /Added ([a-z0-9-]+)/.exec((await replyTo(t, added.id, 30_000)).embed.title ?? "")?.[1] ?? "";
    expect(id).not.toBe("");

    const brief = await slash(t, t.reporterId, "brief", [{ name: "article", type: 3, value: id }]);
    const first = await replyTo(t, brief.id, 30_000);
    const pages = await allPages(t, t.reporterId, first);
    expect(pages.length).toBeGreaterThan(2);
    const shown = pages.map((p) => p.description).join("\n");
    for (let n = 1; n <= 60; n++) expect(shown).toContain(`pier ${n} would stay closed`);

    // Previous, pressed on the last page, lands on the other process and shows the page before.
    const message = (await discord.channel(t.channelId).getMessages()).find((m) => m.id === first.message.id);
    const previous = (message?.components ?? [])
      .flatMap(
        (row) =>
          ((row as { components?: unknown[] }).components ?? []) as { custom_id?: string; label?: string }[],
      )
      .find((b) => b.label === "◀ Previous");
    expect(previous?.custom_id).toBeDefined();
    await discord
      .channel(t.channelId)
      .user(t.reporterId)
      .clickButton({
        messageId: first.message.id,
        customId: previous?.custom_id ?? "",
      });
    const before = embedText(pages.at(-2) ?? {});
    const deadline = Date.now() + 15_000;
    let now = "";
    while (now !== before && Date.now() < deadline) {
      const m = (await discord.channel(t.channelId).getMessages()).find((x) => x.id === first.message.id);
      now = embedText(m?.embeds[0] ?? {});
      if (now !== before) await new Promise((r) => setTimeout(r, 25));
    }
    expect(now).toBe(before);

    // Every interaction was answered, and consecutive button presses went to different processes.
    expect(relay.deliveries.every((d) => d.status === 200)).toBe(true);
    const presses = relay.deliveries.slice(2); // after the add and the /brief
    expect(presses.length).toBe(pages.length); // Next on every page but the last, then Previous
    for (let i = 1; i < presses.length; i++) expect(presses[i]?.endpoint).not.toBe(presses[i - 1]?.endpoint);
    expect(new Set(presses.map((d) => d.endpoint)).size).toBe(2);
  });

  it("each process finishes and stops cleanly on SIGTERM", async () => {
    for (const e of endpoints) e.child.kill("SIGTERM");
    expect(await Promise.all(endpoints.map((e) => e.exited))).toEqual([0, 0]);
    for (const e of endpoints) expect(e.stderr()).toContain("interactions endpoint stopped (SIGTERM)");
  });
});
