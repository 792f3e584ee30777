/**
 * One bot process's follow runner, for the two-process test: it shares the store and leases through Redis,
 * fetches from the local test site (FETCH_ALLOW_HOSTS), posts by appending to a file, and checks at the
 * times the test writes on stdin (one per line).
 */
import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { followEventPost } from "../../commands/follow.ts";
import { openServices } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { FollowRunner } from "../../src/follow/runner.ts";
import { createLogger } from "../../src/log.ts";
import { renderReplyText } from "../../src/render/reply-text.ts";

const [postsFile = "", name = "worker"] = process.argv.slice(2);
const services = await openServices(
  loadConfig({
    STORE_URL: process.env.REDIS_URL ?? "",
    FETCH_ALLOW_HOSTS: process.env.FETCH_ALLOW_HOSTS ?? "",
  }),
  createLogger("silent"),
  { cache: true },
);
if (!services.follows || !services.library) throw new Error("no store");
let now = new Date();
const runner = new FollowRunner({
  store: services.follows,
  library: services.library,
  intake: services.intake,
  lease: services.lease,
  poster: {
    post: async (channelId, reply) => {
      const title = renderReplyText(reply).split("\n")[0];
      appendFileSync(
        postsFile,
        `${JSON.stringify({ worker: name, channelId, at: now.toISOString(), title })}\n`,
      );
    },
  },
  render: followEventPost,
  log: createLogger("silent"),
  now: () => now,
});
process.stdout.write("ready\n");
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  now = new Date(line.trim());
  await runner.tick();
  process.stdout.write(`done ${line.trim()}\n`);
}
await services.close();
