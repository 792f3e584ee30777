import { z } from "zod";
import { SOURCE_KINDS, STATUSES } from "../../digest/schema.ts";

/**
 * What the model is asked to return: the digest's content in the shape OpenAI's strict structured output
 * accepts (every field present, null instead of absent). The engine turns it into a Digest after checking
 * every quote against the article.
 */
const Quote = z.object({ paragraph: z.number().int(), quote: z.string() });

export const ModelDigestSchema = z.object({
  title: z.string(),
  junkParagraphs: z.array(z.object({ paragraph: z.number().int(), reason: z.string() })),
  sources: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(SOURCE_KINDS),
      role: z.string().nullable(),
      aliases: z.array(z.string()),
    }),
  ),
  statements: z.array(
    z.object({
      id: z.string(),
      claim: z.string(),
      status: z.enum(STATUSES),
      sources: z.array(z.string()),
      evidence: z.array(Quote),
      rationale: z.string(),
      conflictsWith: z.array(z.string()),
    }),
  ),
  timeline: z.array(z.object({ when: z.string(), event: z.string(), evidence: z.array(Quote) })),
});
export type ModelDigest = z.infer<typeof ModelDigestSchema>;

export const ModelAnswerSchema = z.object({
  answer: z.string(),
  status: z.enum([...STATUSES, "not_covered"]),
  citations: z.array(Quote),
});
export type ModelAnswer = z.infer<typeof ModelAnswerSchema>;

export const ModelCheckSchema = z.object({
  verdict: z.enum(["confirmed", "unconfirmed", "disputed", "contradicted", "not_covered"]),
  evidence: z.array(Quote),
  rationale: z.string(),
});
export type ModelCheck = z.infer<typeof ModelCheckSchema>;

/** JSON Schema for response_format, without the keywords strict mode does not take. */
export function strictJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema) as Record<string, unknown>;
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "$schema" || k === "minimum" || k === "maximum") continue;
      out[k] = strip(v);
    }
    return out;
  };
  return strip(json) as Record<string, unknown>;
}
