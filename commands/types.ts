import type { Answerer } from "../src/ask/answerer.ts";
import type { Digest } from "../src/digest/schema.ts";
import type { Follow } from "../src/follow/schema.ts";
import type { FollowStore } from "../src/follow/store.ts";
import type { Intake } from "../src/intake/types.ts";
import type { ArticleLibrary } from "../src/library/library.ts";
import type { Poster } from "../src/poster.ts";
import { withReadingNotice } from "../src/render/reading-notice.ts";
import type { Reply } from "../src/reply.ts";
import type { ScheduleStore } from "../src/schedule/store.ts";
import type { DigestService } from "../src/store/digest-service.ts";

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

/** A signed link to the web view of an article version; the edge supplies it when the web view is on. */
export type LinkFor = (guildId: string, articleId: string, version: number) => string;

/** The library article and version a digest was read from. */
export interface DigestOrigin {
  guildId: string;
  articleId: string;
  version: number;
}

/** What a handler may use besides the digest: the answerer (offline, or the model when configured). */
export interface CommandTools {
  answerer: Answerer;
  /** Builds the web view's link; absent when the web view is off (and in the console). */
  linkFor?: LinkFor | undefined;
  /** Where the digest came from in the library; absent for a digest of a loose text (the console). */
  origin?: DigestOrigin | undefined;
}

export const FULL_DIGEST_FIELD = "Full digest";

/** The reply with an "Open the full digest: <link>" field on its last embed, when a link can be built. */
export function withDigestLink(reply: Reply, tools: CommandTools): Reply {
  const last = reply.embeds.at(-1);
  if (!tools.linkFor || !tools.origin || !last) return reply;
  const { guildId, articleId, version } = tools.origin;
  const field = {
    name: FULL_DIGEST_FIELD,
    value: `Open the full digest: ${tools.linkFor(guildId, articleId, version)}`,
  };
  return { ...reply, embeds: [...reply.embeds.slice(0, -1), { ...last, fields: [...last.fields, field] }] };
}

export interface DigestCommand<D extends CommandDefinition = CommandDefinition> {
  readonly definition: D;
  /** A digest and the options in, a reply out; nothing else is read or written. */
  handle(digest: Digest, options: OptionsOf<D>, tools: CommandTools): Reply | Promise<Reply>;
}

/**
 * Ties a handler's option types to its definition. Every reply carries the digest's reading notice
 * (an article the offline engine cannot read says so above any answer) and, when the web view is on,
 * the link to the full digest of the article's version.
 */
export function digestCommand<const D extends CommandDefinition>(
  definition: D,
  handle: (digest: Digest, options: OptionsOf<D>, tools: CommandTools) => Reply | Promise<Reply>,
): DigestCommand<D> {
  return {
    definition,
    handle: async (digest, options, tools) =>
      withDigestLink(withReadingNotice(digest, await handle(digest, options, tools)), tools),
  };
}

export const articleOption = {
  name: "article",
  description: "Article id (defaults to the channel's current article)",
  type: "string",
  required: false,
  autocomplete: true,
} as const satisfies OptionDefinition;

/** What a command that reads or changes the guild's state may use, and where and by whom it runs. */
export interface GuildContext {
  guildId: string;
  channelId: string;
  /** Who runs it, as the edge names them ("discord:123", "cli:ana"): recorded with what they add. */
  actor: string;
  library: ArticleLibrary;
  digests: DigestService;
  schedules: ScheduleStore | undefined;
  follows: FollowStore | undefined;
  intake: Intake;
  /** Where posts to other channels go (the edge's own poster). */
  poster: Poster;
  /** Checks a new follow at once, when this process runs follows. */
  checkNow?: ((follow: Follow) => Promise<unknown>) | undefined;
}

export type OptionValue = string | number | boolean;

/** A command's input as the edge read it: the subcommand, its options by name, an attached text file. */
export interface CommandInput {
  subcommand: string;
  options: Readonly<Record<string, OptionValue | undefined>>;
  attachment?: { name: string; text: string } | undefined;
}

/** A form the edge shows before anything else runs: the article text to paste (a new article, or a version of `id`). */
export interface ArticleForm {
  id?: string;
}

/** A slash command on the guild's library, schedules or follows: its definition as data and its handler. */
export interface GuildCommand<D extends CommandDefinition = CommandDefinition> {
  readonly definition: D;
  /** Subcommands that change something: they need the definition's permission, checked again when run. */
  readonly changes: ReadonlySet<string>;
  /** The form to show first, when the input asks for one (checked before the reply is deferred). */
  form?(ctx: GuildContext, input: CommandInput): Promise<ArticleForm | undefined>;
  /** Whether the edge must download the attachment before handling (it can take seconds). */
  readonly readsAttachment?: boolean;
  handle(ctx: GuildContext, input: CommandInput): Promise<Reply>;
}

/** An option's text, trimmed; undefined when absent or empty. */
export function text(input: CommandInput, name: string): string | undefined {
  const v = input.options[name];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

/** A required option's text: the edge enforces required options, so its absence is a bug, not input. */
export function required(input: CommandInput, name: string): string {
  const v = text(input, name);
  if (v === undefined) throw new Error(`option ${name} is missing`);
  return v;
}

export function integer(input: CommandInput, name: string): number | undefined {
  const v = input.options[name];
  return typeof v === "number" ? v : undefined;
}

export function flag(input: CommandInput, name: string): boolean | undefined {
  const v = input.options[name];
  return typeof v === "boolean" ? v : undefined;
}
