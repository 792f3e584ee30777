import type { APIModalInteractionResponseCallbackData, ModalSubmitInteraction } from "discord.js";
import { ComponentType, TextInputStyle } from "discord.js";
import { validateArticle } from "../digest/article-text.ts";

export const MODAL_ADD = "article-add";
export const MODAL_UPDATE = /^article-update:([a-z0-9-]+)$/;

// Discord caps a text input at 4,000 characters; longer articles come as a .txt attachment.
const TEXT_MAX = 4000;

/** The form a reporter pastes an article into: a new article, or a new version of `id`. */
export function articleModal(id?: string): APIModalInteractionResponseCallbackData {
  const text = {
    type: ComponentType.TextInput,
    custom_id: "text",
    label: "Article text",
    style: TextInputStyle.Paragraph,
    required: true,
    max_length: TEXT_MAX,
    placeholder: "Paste the article here (longer than 4,000 characters? attach a .txt file instead)",
  } as const;
  const title = {
    type: ComponentType.TextInput,
    custom_id: "title",
    label: "Title (optional)",
    style: TextInputStyle.Short,
    required: false,
    max_length: 200,
  } as const;
  return {
    custom_id: id ? `article-update:${id}` : MODAL_ADD,
    title: id ? `New version of ${id}`.slice(0, 45) : "Add an article",
    components: [
      ...(id ? [] : [{ type: ComponentType.ActionRow as const, components: [title] }]),
      { type: ComponentType.ActionRow, components: [text] },
    ],
  };
}

export function modalFields(
  interaction: ModalSubmitInteraction,
  maxBytes: number,
): { text: string; title?: string } {
  const text = validateArticle(interaction.fields.getTextInputValue("text"), maxBytes, "the pasted text");
  let title: string | undefined;
  try {
    title = interaction.fields.getTextInputValue("title").trim() || undefined;
  } catch {
    title = undefined;
  }
  return title ? { text, title } : { text };
}
