import { articleCommand } from "./article.ts";
import { ask } from "./ask.ts";
import { brief } from "./brief.ts";
import { confirmed } from "./confirmed.ts";
import { digestCommand } from "./digest.ts";
import { followCommand } from "./follow.ts";
import { sources } from "./sources.ts";
import { summary } from "./summary.ts";
import type { DigestCommand, GuildCommand } from "./types.ts";
import { unconfirmed } from "./unconfirmed.ts";

/** Every command that answers from a digest, by name. */
export const digestCommands: ReadonlyMap<string, DigestCommand> = new Map(
  ([summary, confirmed, unconfirmed, brief, sources, ask] as DigestCommand[]).map((c) => [
    c.definition.name,
    c,
  ]),
);

/** Every command on the guild's library, schedules and follows, by name. */
export const guildCommands: ReadonlyMap<string, GuildCommand> = new Map(
  ([articleCommand, digestCommand, followCommand] as GuildCommand[]).map((c) => [c.definition.name, c]),
);
