import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import { renderChannelRefs } from "../reply.ts";
import { MemoryViewStore, type ViewStore } from "../store/view-store.ts";
import type { Page } from "./paginate.ts";

/** Nobody may be pinged by anything Newsdesk sends, whatever the text contains. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

export interface PagePayload {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: typeof NO_MENTIONS;
}

const VIEW_TTL_MS = 60 * 60 * 1000;

const isPages = (value: unknown): value is Page[] =>
  Array.isArray(value) &&
  value.every((p) => typeof p === "object" && p !== null && typeof (p as Page).title === "string");

/**
 * Paged answers kept so the buttons can turn pages for an hour; an old or unknown view says so instead of
 * failing. In the shared store (Redis) a click may land on any process; in memory, on the one that sent it.
 */
export class PageViews {
  constructor(private readonly store: ViewStore = new MemoryViewStore()) {}

  save(pages: Page[]): Promise<string> {
    return this.store.save(pages, VIEW_TTL_MS);
  }

  async get(id: string): Promise<Page[] | undefined> {
    const value = await this.store.get(id);
    return isPages(value) ? value : undefined;
  }
}

export const PAGE_BUTTON = /^page:([\w-]+):(\d+)$/;

export function pagePayload(pages: Page[], index: number, viewId?: string): PagePayload {
  const page = pages[index] ?? pages[0];
  // Channels named by a handler become Discord's channel links (they ping nobody).
  const link = (text: string) => renderChannelRefs(text, (id) => `<#${id}>`);
  const embed: APIEmbed = page
    ? {
        title: link(page.title),
        color: page.color,
        ...(page.description ? { description: link(page.description) } : {}),
        ...(page.fields.length > 0
          ? { fields: page.fields.map((f) => ({ ...f, name: link(f.name), value: link(f.value) })) }
          : {}),
        ...(page.footer ? { footer: { text: link(page.footer) } } : {}),
      }
    : { title: "Nothing to show" };
  const components: PagePayload["components"] = [];
  if (pages.length > 1 && viewId) {
    const button = (custom_id: string, label: string, disabled: boolean): APIButtonComponent => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id,
      label,
      disabled,
    });
    components.push({
      type: ComponentType.ActionRow,
      components: [
        button(`page:${viewId}:${index - 1}`, "◀ Previous", index === 0),
        button(`page:${viewId}:${index + 1}`, "Next ▶", index >= pages.length - 1),
      ],
    });
  }
  return { embeds: [embed], components, allowedMentions: NO_MENTIONS };
}
