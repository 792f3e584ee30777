import type { Answerer } from "../src/ask/answerer.ts";
import type { Digest } from "../src/digest/schema.ts";
import { withReadingNotice } from "../src/render/reading-notice.ts";
import type { Reply } from "../src/reply.ts";

/** A slash command declared as data; the Discord adapter, the deploy script and the console all read it. */
export interface OptionDefinition {
  readonly name: string;
  readonly description: string;
  readonly type: "string" | "integer" | "attachment" | "channel" | "boolean";
  readonly required: boolean;
  readonly autocomplete?: boolean;
  readonly maxLength?: number;
}

export interface SubcommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDefinition[];
}

export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDefinition[];
  readonly subcommands?: readonly SubcommandDefinition[];
  /** Permission a member needs by default (server admins can change it); checked again at run time. */
  readonly requires?: "ManageMessages";
}

/** The options a handler receives, typed from the definition: required ones are always there. */
export type OptionsOf<D extends { options: readonly OptionDefinition[] }> = {
  [O in D["options"][number] as O["required"] extends true ? O["name"] : never]: string;
} & {
  [O in D["options"][number] as O["required"] extends true ? never : O["name"]]?: string;
};

/** What a handler may use besides the digest: the answerer (offline, or the model when configured). */
export interface CommandTools {
  answerer: Answerer;
}

export interface DigestCommand<D extends CommandDefinition = CommandDefinition> {
  readonly definition: D;
  /** A digest and the options in, a reply out; nothing else is read or written. */
  handle(digest: Digest, options: OptionsOf<D>, tools: CommandTools): Reply | Promise<Reply>;
}

/**
 * Ties a handler's option types to its definition. Every reply carries the digest's reading notice
 * (an article the offline engine cannot read says so above any answer).
 */
export function digestCommand<const D extends CommandDefinition>(
  definition: D,
  handle: (digest: Digest, options: OptionsOf<D>, tools: CommandTools) => Reply | Promise<Reply>,
): DigestCommand<D> {
  return {
    definition,
    handle: async (digest, options, tools) => withReadingNotice(digest, await handle(digest, options, tools)),
  };
}

export const articleOption = {
  name: "article",
  description: "Article id (defaults to the channel's current article)",
  type: "string",
  required: false,
  autocomplete: true,
} as const satisfies OptionDefinition;
