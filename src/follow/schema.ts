import { z } from "zod";

/** Why checks stopped: shown in /follow list, posted to the channel once. */
export const PauseSchema = z.object({ reason: z.string(), at: z.string().datetime() });

/**
 * A story the desk follows: a page (one library article, a new version each time its text changes) or a
 * feed (each new item a library article), polled every few minutes with conditional GET.
 */
export const FollowSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{6,12}$/),
  guildId: z.string().min(1),
  channelId: z.string().min(1),
  url: z.string().url(),
  kind: z.enum(["page", "feed"]),
  everyMinutes: z.number().int().min(1).max(1440),
  createdBy: z.string(),
  createdAt: z.string().datetime(),
  title: z.string().optional(),
  /** The library article a page follow keeps its versions in. */
  articleId: z.string().optional(),
  /** Validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since. */
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  lastCheckedAt: z.string().datetime().optional(),
  nextCheckAt: z.string().datetime(),
  /** Failures in a row; the delay before the next check doubles with each. */
  failures: z.number().int().min(0),
  lastError: z.string().optional(),
  paused: PauseSchema.optional(),
  /** Feed item ids already in the library (newest last, capped). */
  seenItems: z.array(z.string()),
});
export type Follow = z.infer<typeof FollowSchema>;
