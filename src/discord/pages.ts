import { randomUUID } from "node:crypto";
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import { renderChannelRefs } from "../reply.ts";
import { BoundedMap } from "../util/bounded-map.ts";
import type { Page } from "./paginate.ts";

/** Nobody may be pinged by anything Newsdesk sends, whatever the text contains. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

export interface PagePayload {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: typeof NO_MENTIONS;
}

const VIEW_LIMIT = 500;
const VIEW_TTL_MS = 60 * 60 * 1000;

/**
 * Paged answers kept in memory so the buttons can turn pages; an old or restarted view says so instead
 * of failing. Button clicks come back to the shard that sent the message, so memory is enough.
 */
export class PageViews {
  private readonly views = new BoundedMap<string, { pages: Page[]; at: number }>(VIEW_LIMIT);

  constructor(private readonly now: () => number = Date.now) {}

  save(pages: Page[]): string {
    const id = randomUUID().slice(0, 12);
    this.views.set(id, { pages, at: this.now() });
    return id;
  }

  get(id: string): Page[] | undefined {
    const view = this.views.get(id);
    if (!view || this.now() - view.at > VIEW_TTL_MS) return undefined;
    return view.pages;
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
