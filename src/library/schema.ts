import { z } from "zod";
import { DigestSchema, EngineInfoSchema } from "../digest/schema.ts";

/** Where an article's text came from. */
export const OriginSchema = z.object({
  kind: z.enum(["paste", "file", "attachment", "url"]),
  ref: z.string().optional().describe("file name, attachment name or URL"),
});
export type Origin = z.infer<typeof OriginSchema>;

export const VersionMetaSchema = z.object({
  version: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  origin: OriginSchema,
  addedBy: z.string(),
  addedAt: z.string().datetime(),
  engine: EngineInfoSchema,
});
export type VersionMeta = z.infer<typeof VersionMetaSchema>;

/** An article in a guild's library: a short human id, a title, and every version it has had. */
export const ArticleSchema = z.object({
  guildId: z.string().min(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/),
  title: z.string().min(1),
  addedBy: z.string(),
  addedAt: z.string().datetime(),
  versions: z.array(VersionMetaSchema).min(1),
});
export type Article = z.infer<typeof ArticleSchema>;

/** One stored version: its text and the digest it had when it was added. */
export const StoredVersionSchema = z.object({
  text: z.string(),
  digest: DigestSchema,
});
export type StoredVersion = z.infer<typeof StoredVersionSchema>;

export const ArticleIndexSchema = z.array(z.string());

/** One article's entry in the listing: written once when it is added, never rewritten. */
export const LibraryEntrySchema = z.object({
  // Marks the value as an entry: the entries may share a store (and its listing) with the articles.
  entry: z.literal(1),
  guildId: z.string().min(1),
  id: z.string().min(1),
  addedAt: z.string().datetime(),
});
