/** A date as a page or feed states it, as ISO 8601; nothing when it cannot be read as a date. */
export function isoDate(stated: string | undefined): string | undefined {
  if (!stated) return undefined;
  const time = Date.parse(stated);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
