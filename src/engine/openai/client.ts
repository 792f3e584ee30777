import OpenAI from "openai";
/** The settings the client reads (the config module's names; the engine does not import config). */
export interface OpenAIClientSettings {
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  OPENAI_TIMEOUT_MS: number;
  OPENAI_MAX_RETRIES: number;
}

/** The OpenAI client with every option injected from settings: endpoint, key, timeout, retries, fetch. */
export function createOpenAIClient(config: OpenAIClientSettings, fetchImpl?: typeof fetch): OpenAI {
  return new OpenAI({
    // A newsroom's own OpenAI-compatible server may need no key at all.
    apiKey: config.OPENAI_API_KEY ?? "no-key",
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    timeout: config.OPENAI_TIMEOUT_MS,
    maxRetries: config.OPENAI_MAX_RETRIES,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
