import { z } from "zod";

/**
 * The digest: one structured reading of one article, built once and served to every consumer
 * (CLI, Discord replies, cache, OpenAI engine). Every quote in it is a verbatim substring of the
 * paragraph it cites, so any reader can check it against the article.
 */

export const STATUSES = ["confirmed", "unconfirmed", "disputed", "unknown"] as const;
export const StatusSchema = z
  .enum(STATUSES)
  .describe(
    "confirmed: on the record from an authority or plain narration; unconfirmed: hedged, single non-authoritative source or a claim of responsibility; disputed: the article carries conflicting accounts; unknown: an open question the article says is not known",
  );
export type Status = z.infer<typeof StatusSchema>;

export const SOURCE_KINDS = [
  "official",
  "police",
  "media",
  "agency",
  "witness",
  "politician",
  "claimant",
  "union",
  "monitor",
  "social",
  "other",
] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const EvidenceSchema = z.object({
  paragraph: z.number().int().min(0).describe("index of the paragraph the quote comes from"),
  quote: z.string().min(1).describe("verbatim substring of that paragraph"),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ParagraphSchema = z.object({
  index: z.number().int().min(0),
  text: z.string(),
  junk: z.boolean(),
  reason: z.string().optional().describe("why the paragraph was dropped; present when junk is true"),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const StatementSchema = z.object({
  id: z.string().describe("stable id within the digest, e.g. s3"),
  claim: z.string().min(1).describe("the claim in plain words"),
  status: StatusSchema,
  sources: z.array(z.string()).describe("ids of the sources the claim is attributed to"),
  evidence: z.array(EvidenceSchema).min(1),
  rationale: z.string().describe("why this status, briefly"),
  conflictsWith: z.array(z.string()).optional().describe("ids of statements giving a conflicting account"),
});
export type Statement = z.infer<typeof StatementSchema>;

export const SourceSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  kind: SourceKindSchema,
  role: z.string().optional().describe("title or description given in the article"),
  aliases: z.array(z.string()).describe("other spellings and short forms merged into this source"),
  mentions: z.array(EvidenceSchema).describe("where the article names the source"),
});
export type Source = z.infer<typeof SourceSchema>;

export const TimelineEventSchema = z.object({
  when: z.string().describe("the date or time expression as written"),
  event: z.string(),
  evidence: z.array(EvidenceSchema).min(1),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const WARNING_KINDS = [
  "names_merged",
  "paragraph_dropped",
  "possible_misspelling",
  "dangling_reference",
  "encoding_repaired",
  "encoding_suspect",
  "machine_reworded",
  "ungrounded_dropped",
  "status_downgraded",
  "language_unsupported",
] as const;
export const WarningSchema = z.object({
  kind: z.enum(WARNING_KINDS),
  message: z.string(),
  paragraphs: z.array(z.number().int().min(0)).optional(),
});
export type Warning = z.infer<typeof WarningSchema>;

export const UsageSchema = z.object({
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  estimatedCostUsd: z.number().min(0),
});
export type Usage = z.infer<typeof UsageSchema>;

export const EngineInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  usage: UsageSchema.optional().describe("model tokens used for this digest and their estimated cost"),
  fallbackFrom: z.string().optional().describe("the engine that was asked first and failed"),
  fallbackReason: z.string().optional(),
});
export type EngineInfo = z.infer<typeof EngineInfoSchema>;

export const DigestSchema = z.object({
  title: z.string(),
  summary: z
    .string()
    .describe("a few sentences from kept paragraphs; never states an unconfirmed claim as fact"),
  paragraphs: z.array(ParagraphSchema),
  statements: z.array(StatementSchema),
  sources: z.array(SourceSchema),
  timeline: z.array(TimelineEventSchema),
  warnings: z.array(WarningSchema),
  engine: EngineInfoSchema,
  inputSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("sha256 of the normalized input text"),
});
export type Digest = z.infer<typeof DigestSchema>;

export const VERDICTS = ["confirmed", "unconfirmed", "disputed", "contradicted", "not_covered"] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

export const ClaimCheckSchema = z.object({
  verdict: VerdictSchema,
  evidence: z.array(EvidenceSchema),
  rationale: z.string(),
});
export type ClaimCheck = z.infer<typeof ClaimCheckSchema>;

/** JSON Schema of the digest, for documentation and for the OpenAI engine's structured output. */
export const digestJsonSchema = () => z.toJSONSchema(DigestSchema);
