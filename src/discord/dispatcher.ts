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
import {
  addArticle,
  addArticleFromLink,
  articleChanges,
  CHANGES_LIBRARY,
  type LibraryContext,
  listArticles,
  updateArticle,
  useArticle,
} from "../../commands/article.ts";
import { CHANGES_SCHEDULES } from "../../commands/digest.ts";
import { CHANGES_FOLLOWS } from "../../commands/follow.ts";
import { digestCommands } from "../../commands/index.ts";
import type { Services } from "../app.ts";
import { PermissionError, UserError } from "../errors.ts";
import type { FollowRunner } from "../follow/runner.ts";
import { articleDigest } from "../library/article-digest.ts";
import type { ArticleLibrary } from "../library/library.ts";
import type { Logger } from "../log.ts";
import { type Reply, STATUS_COLOR } from "../reply.ts";
import { readAttachment } from "./attachments.ts";
import { followCommand } from "./follow-commands.ts";
import { articleModal, MODAL_ADD, MODAL_UPDATE, modalFields } from "./modals.ts";
import { NO_MENTIONS, PAGE_BUTTON, type PageViews, pagePayload } from "./pages.ts";
import { paginate } from "./paginate.ts";
import { digestCommand } from "./schedule-commands.ts";

export interface DispatcherDeps {
  services: Services;
  /** Runs a new follow's first check at once; undefined without the store. */
  followRunner?: FollowRunner | undefined;
  log: Logger;
  pages: PageViews;
  maxArticleBytes: number;
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
    embeds: [{ title: "Could not answer", description: message, color: STATUS_COLOR.disputed }],
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

function guildContext(deps: DispatcherDeps, interaction: RepliableInteraction): LibraryContext {
  if (!interaction.guildId || !interaction.channelId)
    throw new UserError("Newsdesk works in server channels, not in direct messages.");
  return {
    library: library(deps),
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
  };
}

/** Sends a reply as pages; the first reply or the deferred one's edit. */
async function send(deps: DispatcherDeps, interaction: RepliableInteraction, reply: Reply): Promise<void> {
  const pages = reply.embeds.flatMap(paginate);
  const viewId = pages.length > 1 ? deps.pages.save(pages) : undefined;
  const payload = pagePayload(pages, 0, viewId);
  if (interaction.deferred) await interaction.editReply(payload);
  else await interaction.reply(payload);
}

async function chatInput(deps: DispatcherDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  if (interaction.commandName === "article") return articleCommand(deps, interaction);
  if (interaction.commandName === "follow") {
    const ctx = guildContext(deps, interaction);
    if (CHANGES_FOLLOWS.has(interaction.options.getSubcommand()))
      requireManageMessages(interaction, "Following or stopping a story");
    await interaction.deferReply();
    return send(deps, interaction, await followCommand(deps.services, deps.followRunner, interaction, ctx));
  }
  if (interaction.commandName === "digest") {
    const ctx = guildContext(deps, interaction);
    // Checked before deferring, so the refusal stays private to the person who asked.
    if (CHANGES_SCHEDULES.has(interaction.options.getSubcommand()))
      requireManageMessages(interaction, "Posting or scheduling digests");
    await interaction.deferReply();
    return send(deps, interaction, await digestCommand(deps.services, interaction, ctx));
  }
  const command = digestCommands.get(interaction.commandName);
  if (!command) throw new UserError(`Unknown command /${interaction.commandName}.`);
  const ctx = guildContext(deps, interaction);
  const options: Record<string, string> = {};
  for (const option of command.definition.options) {
    const value = interaction.options.getString(option.name, false);
    if (value !== null) options[option.name] = value;
  }
  // A cache hit answers at once; anything that may take longer defers first.
  const { digest } = await articleDigest(
    ctx.library,
    deps.services.digests,
    { guildId: ctx.guildId, channelId: ctx.channelId, id: options.article },
    () => interaction.deferReply(),
  );
  if (command.definition.name === "ask" && deps.services.answerer.kind === "model" && !interaction.deferred)
    await interaction.deferReply(); // a model call may take seconds
  await send(deps, interaction, await command.handle(digest, options, { answerer: deps.services.answerer }));
}

function requireManageMessages(
  interaction: RepliableInteraction,
  what = "Changing the article library",
): void {
  // Checked here as well as in the command's default permissions, which server admins can change.
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages))
    throw new PermissionError(`${what} needs the Manage Messages permission.`);
}

async function articleCommand(deps: DispatcherDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  const sub = interaction.options.getSubcommand();
  const ctx = guildContext(deps, interaction);
  if (CHANGES_LIBRARY.has(sub)) requireManageMessages(interaction);
  switch (sub) {
    case "add":
    case "update": {
      const id = sub === "update" ? interaction.options.getString("article", true) : undefined;
      if (id) await ctx.library.get(ctx.guildId, id);
      const url = sub === "add" ? interaction.options.getString("url", false)?.trim() : undefined;
      if (url) {
        await interaction.deferReply();
        return send(
          deps,
          interaction,
          await addArticleFromLink(
            ctx,
            deps.services.intake,
            url,
            interaction.options.getString("title", false),
          ),
        );
      }
      const attachment = interaction.options.getAttachment("file", false);
      if (!attachment) {
        await interaction.showModal(articleModal(id));
        return;
      }
      await interaction.deferReply();
      const text = await readAttachment(attachment, deps.maxArticleBytes);
      const origin = { kind: "attachment" as const, ref: attachment.name };
      const title = interaction.options.getString("title", false) ?? undefined;
      return send(
        deps,
        interaction,
        id ? await updateArticle(ctx, id, text, origin) : await addArticle(ctx, text, origin, title),
      );
    }
    case "list":
      return send(deps, interaction, await listArticles(ctx));
    case "use":
      return send(deps, interaction, await useArticle(ctx, interaction.options.getString("article", true)));
    case "changes": {
      await interaction.deferReply();
      const from = interaction.options.getInteger("from", false) ?? undefined;
      const to = interaction.options.getInteger("to", false) ?? undefined;
      return send(
        deps,
        interaction,
        await articleChanges(ctx, interaction.options.getString("article", true), from, to),
      );
    }
    default:
      throw new UserError(`Unknown subcommand ${sub}.`);
  }
}

async function modalSubmit(deps: DispatcherDeps, interaction: ModalSubmitInteraction): Promise<void> {
  const ctx = guildContext(deps, interaction);
  requireManageMessages(interaction);
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
  const pages = deps.pages.get(match[1]);
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
