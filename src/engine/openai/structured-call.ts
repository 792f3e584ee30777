import OpenAI from "openai";
import type { z } from "zod";
import type { Prompts } from "./prompts.ts";

/** A reason to give up on the model for this request and let the offline path answer. */
export class ModelFault extends Error {
  override name = "ModelFault";
}

/** An answer that may come out right when asked again (not JSON, not the schema, no choices). */
export class MalformedAnswer extends ModelFault {
  override name = "MalformedAnswer";
}

export interface StructuredCall<T> {
  /** The task's name: the schema's name in the request, and which prompt goes with the article. */
  task: "digest" | "ask" | "check";
  schema: z.ZodType<T>;
  jsonSchema: Record<string, unknown>;
  /** The material, sent alone as data in its own message after the prompts. */
  content: string;
}

export interface StructuredAnswer<T> {
  value: T;
  tokens: { prompt: number; completion: number };
}

/**
 * One model request with a strict JSON schema: the system prompt, the task's prompt, the material as its
 * own message; the answer parsed and validated. Refusals and cut-off answers are ModelFaults, a malformed
 * answer a MalformedAnswer; the SDK's own errors (its typed APIError family) pass through.
 */
export async function structuredCall<T>(
  client: OpenAI,
  model: string,
  prompts: Prompts,
  call: StructuredCall<T>,
  onTokens?: (tokens: StructuredAnswer<T>["tokens"]) => void,
): Promise<StructuredAnswer<T>> {
  const completion = await client.chat.completions.create(
    {
      model,
      temperature: 0,
      messages: [
        { role: "system", content: prompts.text.system },
        { role: "user", content: prompts.text[call.task] },
        // The material travels alone, as data, in its own message.
        { role: "user", content: call.content },
      ],
      response_format: {
        type: "json_schema",
        json_schema: { name: call.task, strict: true, schema: call.jsonSchema },
      },
    },
    // The prompt version travels with every request, so a server's logs say which prompts produced what.
    { headers: { "x-newsdesk-prompt-version": prompts.version } },
  );
  const tokens = {
    prompt: completion.usage?.prompt_tokens ?? 0,
    completion: completion.usage?.completion_tokens ?? 0,
  };
  // Counted even when the answer is unusable: the tokens were spent.
  onTokens?.(tokens);
  const choice = completion.choices[0];
  if (!choice) throw new MalformedAnswer("no choices");
  if (choice.message.refusal)
    throw new ModelFault(`the model refused: ${choice.message.refusal.slice(0, 200)}`);
  if (choice.finish_reason === "length")
    throw new ModelFault("the answer was cut off (finish_reason length)");
  let raw: unknown;
  try {
    raw = JSON.parse(choice.message.content ?? "");
  } catch {
    throw new MalformedAnswer("not JSON");
  }
  const parsed = call.schema.safeParse(raw);
  if (!parsed.success)
    throw new MalformedAnswer(`does not match the schema: ${parsed.error.issues[0]?.message ?? ""}`);
  return { value: parsed.data, tokens };
}

/** Why a request failed, for the log and the digest's fallback reason (never the key or the article). */
export function describeModelError(error: unknown): string {
  if (error instanceof ModelFault) return error.message;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return "the model API timed out";
  if (error instanceof OpenAI.APIConnectionError) return "the model API could not be reached";
  if (error instanceof OpenAI.APIError)
    return `the model API answered ${error.status ?? "with an error"}: ${error.message.slice(0, 160)}`;
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 160)}`;
  return "unknown model error";
}
