/**
 * A second bot process for tests/library-redis.test.ts: opens the services on REDIS_URL like the bot does,
 * says "ready", waits for a line on stdin (the test writes it to both processes at once), then adds COUNT
 * articles with one title to one guild, all at once.
 */
import { once } from "node:events";
import { openServices } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";

const [guildId = "", name = "", count = "50"] = process.argv.slice(2);
const services = await openServices(
  loadConfig({ STORE_URL: process.env.REDIS_URL ?? "" }),
  createLogger("silent"),
  {
    cache: true,
  },
);
process.stdout.write("ready\n");
await once(process.stdin, "data");
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
