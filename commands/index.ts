import { ask } from "./ask.ts";
import { brief } from "./brief.ts";
import { confirmed } from "./confirmed.ts";
import { sources } from "./sources.ts";
import { summary } from "./summary.ts";
import type { DigestCommand } from "./types.ts";
import { unconfirmed } from "./unconfirmed.ts";

/** Every command that answers from a digest, by name. */
export const digestCommands: ReadonlyMap<string, DigestCommand> = new Map(
  ([summary, confirmed, unconfirmed, brief, sources, ask] as DigestCommand[]).map((c) => [
    c.definition.name,
    c,
  ]),
);
