import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { articleDefinition } from "../../commands/article.ts";
import { digestPostDefinition } from "../../commands/digest.ts";
import { followDefinition } from "../../commands/follow.ts";
import { digestCommands } from "../../commands/index.ts";
import type { CommandDefinition, OptionDefinition } from "../../commands/types.ts";

const TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  attachment: ApplicationCommandOptionType.Attachment,
  channel: ApplicationCommandOptionType.Channel,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

function option(o: OptionDefinition): APIApplicationCommandBasicOption {
  // The union of option shapes is keyed by `type`; the fields below are valid for each type used here.
  return {
    name: o.name,
    description: o.description,
    type: TYPES[o.type],
    required: o.required,
    ...(o.autocomplete ? { autocomplete: true } : {}),
    ...(o.maxLength ? { max_length: o.maxLength } : {}),
    ...(o.type === "integer" ? { min_value: 1 } : {}),
  } as APIApplicationCommandBasicOption;
}

/** The commands as Discord's API wants them, built from the same definitions the handlers use. */
export function commandPayload(def: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  // Required options must come first in Discord's API.
  const ordered = (opts: readonly OptionDefinition[]) =>
    [...opts].sort((a, b) => Number(b.required) - Number(a.required)).map(option);
  return {
    name: def.name,
    description: def.description,
    contexts: [InteractionContextType.Guild],
    ...(def.requires === "ManageMessages"
      ? { default_member_permissions: PermissionFlagsBits.ManageMessages.toString() }
      : {}),
    options: def.subcommands
      ? def.subcommands.map((sub) => ({
          type: ApplicationCommandOptionType.Subcommand,
          name: sub.name,
          description: sub.description,
          options: ordered(sub.options),
        }))
      : ordered(def.options),
  };
}

export function allCommandPayloads(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [
    ...[...digestCommands.values()].map((c) => commandPayload(c.definition)),
    commandPayload(articleDefinition),
    commandPayload(digestPostDefinition),
    commandPayload(followDefinition),
  ];
}
