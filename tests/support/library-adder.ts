/**
 * A second bot process for tests/library-redis.test.ts: opens the services on REDIS_URL like the bot does,
 * waits for the agreed start time, then adds COUNT articles with one title to one guild, all at once.
 */
import { openServices } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";

const [guildId = "", name = "", count = "50", startAt = "0"] = process.argv.slice(2);
const services = await openServices(
  loadConfig({ STORE_URL: process.env.REDIS_URL ?? "" }),
  createLogger("silent"),
  {
    cache: true,
  },
);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
await Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    services.library?.add({
      guildId,
      title: "The same developing story",
      text: `Officials in Harbor City said on Monday that bridge ${name}-${i} would close for repairs.\n\nThe closure is expected to last ${i + 2} days, the transport office said.`,
      origin: { kind: "paste" },
      addedBy: name,
    }),
  ),
);
await services.close();
console.log(`${name} done`);
