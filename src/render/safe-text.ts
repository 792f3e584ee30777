/**
 * Article text is data: before it goes into a reply it must not be able to ping anyone or break the
 * layout. Mentions are neutralised with a zero-width space (they still read the same) and markdown
 * characters are escaped, so "@everyone", "<@&123>", "**" or "# heading" in an article stay plain text.
 */
const ZWSP = "\u200b";

export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(@[!&]?|#)(\d+)>/g, `<${ZWSP}$1$2>`)
    .replace(/<\/([\w -]+):(\d+)>/g, `<${ZWSP}/$1:$2>`);
}

export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/([\\*_~`|[\]])/g, "\\$1")
      // Line-start syntax: headings, quotes, lists.
      .replace(/^(\s*)([#>-])/gm, "$1\\$2")
      .replace(/^(\s*)(\d+)\./gm, "$1$2\\.")
  );
}

/** Everything taken from an article passes through here on its way into a reply. */
export function safe(text: string): string {
  return escapeMarkdown(neutraliseMentions(text));
}
