/**
 * One bot process's scheduler, for the two-process test: it shares the store and leases through Redis,
 * posts by appending to a file, and ticks at the times the test writes on stdin (one per line).
 */
import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { digestPost } from "../../commands/digest.ts";
import { openServices } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";

const [postsFile = "", name = "worker"] = process.argv.slice(2);
const services = await openServices(
  loadConfig({ STORE_URL: process.env.REDIS_URL ?? "" }),
  createLogger("silent"),
  { cache: true },
);
if (!services.schedules || !services.library) throw new Error("no store");
const scheduler = new Scheduler({
  store: services.schedules,
  library: services.library,
  digests: services.digests,
  lease: services.lease,
  poster: {
    post: async (channelId) => {
      appendFileSync(postsFile, `${JSON.stringify({ worker: name, channelId, at: currentTick })}\n`);
    },
  },
  compose: digestPost,
  log: createLogger("silent"),
});
let currentTick = "";
process.stdout.write("ready\n");
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  currentTick = line.trim();
  await scheduler.tick(new Date(currentTick));
  process.stdout.write(`done ${currentTick}\n`);
}
await services.close();
