import type { Digest } from "../src/digest/schema.ts";
import type { Reply } from "../src/reply.ts";

/** A slash command declared as data; the Discord adapter and the console both read it. */
export interface CommandOption {
  name: string;
  description: string;
  type: "string";
  required: boolean;
  autocomplete?: boolean;
}

export interface CommandDefinition {
  name: string;
  description: string;
  options: readonly CommandOption[];
}

export interface DigestCommand {
  definition: CommandDefinition;
  /** Pure: a digest and the options in, a reply out. */
  handle(digest: Digest, options: Record<string, string>): Reply;
}

export const articleOption: CommandOption = {
  name: "article",
  description: "Article id (defaults to the channel's current article)",
  type: "string",
  required: false,
  autocomplete: true,
};
