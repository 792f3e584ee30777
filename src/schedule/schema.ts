import { z } from "zod";

/** A desk's standing order: post this article's digest to this channel on this cron, in this time zone. */
export const ScheduleSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{6,12}$/),
  guildId: z.string().min(1),
  channelId: z.string().min(1),
  articleId: z.string().min(1),
  cron: z.string().min(1),
  timezone: z.string().min(1),
  onlyChanges: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string().datetime(),
  /** The last run handled (posted or skipped); runs are counted from here. */
  lastRunAt: z.string().datetime(),
  lastPostedVersion: z.number().int().min(1).optional(),
  paused: z.object({ reason: z.string(), at: z.string().datetime() }).optional(),
});
export type Schedule = z.infer<typeof ScheduleSchema>;
