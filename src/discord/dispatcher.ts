import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type RepliableInteraction,
} from "discord.js";
import { addArticle, updateArticle } from "../../commands/article.ts";
import { digestCommands, guildCommands } from "../../commands/index.ts";
import type { CommandInput, GuildCommand, GuildContext, LinkFor, OptionValue } from "../../commands/types.ts";
import type { Services } from "../app.ts";
import { PermissionError, UserError } from "../errors.ts";
import type { FollowRunner } from "../follow/runner.ts";
import { articleDigest } from "../library/article-digest.ts";
import type { ArticleLibrary } from "../library/library.ts";
import type { Logger } from "../log.ts";
import { type Reply, renderChannelRefs, STATUS_COLOR } from "../reply.ts";
import { readAttachment } from "./attachments.ts";
import { articleModal, MODAL_ADD, MODAL_UPDATE, modalFields } from "./modals.ts";
import { NO_MENTIONS, PAGE_BUTTON, PageViews, pagePayload } from "./pages.ts";
import { paginate } from "./paginate.ts";
import { DiscordPoster } from "./poster.ts";

export interface DispatcherDeps {
  services: Services;
  /** Runs a new follow's first check at once; undefined without the store. */
  followRunner?: FollowRunner | undefined;
  log: Logger;
  pages: PageViews;
  maxArticleBytes: number;
  /** Signs a link to the web view of an article version; undefined when the web view is off. */
  linkFor?: LinkFor | undefined;
}

/**
 * The dispatcher as both edges (gateway and HTTP) build it: the follow runner starts after the dispatcher
 * exists (it needs the client), so it is attached when it does.
 */
export function edgeDispatcher(options: Omit<DispatcherDeps, "pages" | "followRunner">) {
  const ref: { runner?: FollowRunner | undefined } = {};
  const dispatch = createDispatcher({
    ...options,
    get followRunner() {
      return ref.runner;
    },
    pages: new PageViews(options.services.views),
  });
  return {
    dispatch,
    attach(runner: FollowRunner | undefined) {
      ref.runner = runner;
    },
  };
}

const GENERIC_ERROR = "Something went wrong on our side. The error was logged; please try again.";

/**
 * The one interaction dispatcher: routes every interaction, and is the one place that catches errors.
 * A user-facing error is shown as written; anything else is logged with the command and user and shown
 * as a short generic message, never with internal error text.
 */
export function createDispatcher(deps: DispatcherDeps) {
  return async function dispatch(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) return await autocomplete(deps, interaction);
      if (interaction.isChatInputCommand()) return await chatInput(deps, interaction);
      if (interaction.isButton()) return await button(deps, interaction);
      if (interaction.isModalSubmit()) return await modalSubmit(deps, interaction);
    } catch (error) {
      const context = {
        command: commandLabel(interaction),
        user: interaction.user.id,
        guild: interaction.guildId,
        channel: interaction.channelId,
      };
      if (error instanceof UserError) deps.log.info({ ...context, reason: error.message }, "user error");
      else deps.log.error({ ...context, err: error }, "interaction failed");
      if (interaction.isRepliable())
        await showError(interaction, error instanceof UserError ? error.message : GENERIC_ERROR, deps.log);
    }
  };
}

function commandLabel(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) {
    const sub = interaction.options.getSubcommand(false);
    return sub ? `${interaction.commandName} ${sub}` : interaction.commandName;
  }
  if (interaction.isButton() || interaction.isModalSubmit()) return interaction.customId;
  return interaction.isAutocomplete()
    ? `${interaction.commandName} (autocomplete)`
    : String(interaction.type);
}

async function showError(interaction: RepliableInteraction, message: string, log: Logger): Promise<void> {
  const payload = {
    embeds: [
      {
        title: "Could not answer",
        description: renderChannelRefs(message, (id) => `<#${id}>`),
        color: STATUS_COLOR.disputed,
      },
    ],
    allowedMentions: NO_MENTIONS,
  };
  try {
    if (interaction.deferred || interaction.replied)
      await interaction.editReply({ ...payload, components: [] });
    else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  } catch (error) {
    log.warn({ err: error }, "could not show the error to the user");
  }
}

function library(deps: DispatcherDeps): ArticleLibrary {
  if (!deps.services.library) throw new Error("the library store is not configured");
  return deps.services.library;
}

function guildContext(deps: DispatcherDeps, interaction: RepliableInteraction): GuildContext {
  if (!interaction.guildId || !interaction.channelId)
    throw new UserError("Newsdesk works in server channels, not in direct messages.");
  const { services } = deps;
  const runner = deps.followRunner;
  return {
    library: library(deps),
    digests: services.digests,
    schedules: services.schedules,
    follows: services.follows,
    intake: services.intake,
    poster: new DiscordPoster(interaction.client),
    checkNow: runner ? (follow) => runner.runDue(follow) : undefined,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    actor: `discord:${interaction.user.id}`,
  };
}

/** Sends a reply as pages; the first reply or the deferred one's edit. */
async function send(deps: DispatcherDeps, interaction: RepliableInteraction, reply: Reply): Promise<void> {
  const pages = reply.embeds.flatMap(paginate);
  const viewId = pages.length > 1 ? await deps.pages.save(pages) : undefined;
  const payload = pagePayload(pages, 0, viewId);
  if (interaction.deferred) await interaction.editReply(payload);
  else await interaction.reply(payload);
}

async function chatInput(deps: DispatcherDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  const guild = guildCommands.get(interaction.commandName);
  if (guild) return guildCommand(deps, interaction, guild);
  const command = digestCommands.get(interaction.commandName);
  if (!command) throw new UserError(`Unknown command /${interaction.commandName}.`);
  const ctx = guildContext(deps, interaction);
  const options: Record<string, string> = {};
  for (const option of command.definition.options) {
    const value = interaction.options.getString(option.name, false);
    if (value !== null) options[option.name] = value;
  }
  // A cache hit answers at once; anything that may take longer defers first.
  const { digest, article, version } = await articleDigest(
    ctx.library,
    deps.services.digests,
    { guildId: ctx.guildId, channelId: ctx.channelId, id: options.article },
    () => interaction.deferReply(),
  );
  if (command.definition.name === "ask" && deps.services.answerer.kind === "model" && !interaction.deferred)
    await interaction.deferReply(); // a model call may take seconds
  const tools = {
    answerer: deps.services.answerer,
    linkFor: deps.linkFor,
    origin: { guildId: ctx.guildId, articleId: article.id, version: version.version },
  };
  await send(deps, interaction, await command.handle(digest, options, tools));
}

function requireManageMessages(interaction: RepliableInteraction, what: string): void {
  // Checked here as well as in the command's default permissions, which server admins can change.
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages))
    throw new PermissionError(`${what} needs the Manage Messages permission.`);
}

/** A command on the library, schedules or follows: its input read from the definition, its handler run. */
async function guildCommand(
  deps: DispatcherDeps,
  interaction: ChatInputCommandInteraction,
  command: GuildCommand,
): Promise<void> {
  const ctx = guildContext(deps, interaction);
  const subcommand = interaction.options.getSubcommand();
  // Checked before deferring, so the refusal stays private to the person who asked.
  if (command.changes.has(subcommand))
    requireManageMessages(interaction, `/${command.definition.name} ${subcommand}`);
  const input = readInput(interaction, command, subcommand);
  const form = await command.form?.(ctx, input);
  if (form) {
    await interaction.showModal(articleModal(form.id));
    return;
  }
  await interaction.deferReply();
  const attachment = interaction.options.getAttachment("file", false);
  if (attachment && command.readsAttachment)
    input.attachment = {
      name: attachment.name,
      text: await readAttachment(attachment, deps.maxArticleBytes),
    };
  return send(deps, interaction, await command.handle(ctx, input));
}

/** The subcommand's options as its definition declares them: strings, integers, booleans, a channel's id. */
function readInput(
  interaction: ChatInputCommandInteraction,
  command: GuildCommand,
  subcommand: string,
): CommandInput & { attachment?: { name: string; text: string } } {
  const definitions = command.definition.subcommands?.find((s) => s.name === subcommand)?.options ?? [];
  const options: Record<string, OptionValue | undefined> = {};
  for (const o of definitions) {
    const value =
      o.type === "string"
        ? interaction.options.getString(o.name, false)
        : o.type === "integer"
          ? interaction.options.getInteger(o.name, false)
          : o.type === "boolean"
            ? interaction.options.getBoolean(o.name, false)
            : o.type === "channel"
              ? interaction.options.getChannel(o.name, false)?.id
              : interaction.options.getAttachment(o.name, false)?.name;
    if (value !== null && value !== undefined) options[o.name] = value;
  }
  return { subcommand, options };
}

async function modalSubmit(deps: DispatcherDeps, interaction: ModalSubmitInteraction): Promise<void> {
  const ctx = guildContext(deps, interaction);
  requireManageMessages(interaction, "Changing the article library");
  const { text, title } = modalFields(interaction, deps.maxArticleBytes);
  await interaction.deferReply();
  if (interaction.customId === MODAL_ADD)
    return send(deps, interaction, await addArticle(ctx, text, { kind: "paste" }, title));
  const update = MODAL_UPDATE.exec(interaction.customId);
  if (update?.[1])
    return send(deps, interaction, await updateArticle(ctx, update[1], text, { kind: "paste" }));
  throw new UserError("This form is no longer valid; run the command again.");
}

async function button(deps: DispatcherDeps, interaction: ButtonInteraction): Promise<void> {
  const match = PAGE_BUTTON.exec(interaction.customId);
  if (!match?.[1]) return;
  const pages = await deps.pages.get(match[1]);
  if (!pages) throw new UserError("These pages have expired; run the command again.");
  const index = Math.min(Math.max(Number(match[2]), 0), pages.length - 1);
  await interaction.update(pagePayload(pages, index, match[1]));
}

async function autocomplete(deps: DispatcherDeps, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== "article" || !interaction.guildId) return interaction.respond([]);
  const needle = String(focused.value).toLowerCase();
  const articles = await library(deps).list(interaction.guildId);
  const choices = articles
    .filter((a) => !needle || a.id.includes(needle) || a.title.toLowerCase().includes(needle))
    .slice(-25)
    .reverse()
    .map((a) => ({ name: `${a.title}`.slice(0, 100), value: a.id }));
  await interaction.respond(choices);
}
