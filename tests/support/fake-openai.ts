import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Digest } from "../../src/digest/schema.ts";
import type { ModelDigest } from "../../src/engine/openai/model-schema.ts";

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  /** A chat completion body, or raw text. */
  body?: unknown;
  delayMs?: number;
}

/** A stand-in for the OpenAI API on 127.0.0.1, answering from a script and recording every request. */
export class FakeOpenAI {
  readonly requests: { path: string; body: Record<string, unknown>; headers: IncomingMessage["headers"] }[] =
    [];
  private script: ScriptedResponse[] = [];
  private server: Server | undefined;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next responses, in order; when the script runs out, the last one repeats. */
  respond(...responses: ScriptedResponse[]): void {
    this.script = responses;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.requests.push({
      path: req.url ?? "",
      body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"),
      headers: req.headers,
    });
    const next = (this.script.length > 1 ? this.script.shift() : this.script[0]) ?? {
      status: 500,
      body: { error: { message: "no script" } },
    };
    if (next.delayMs) await new Promise((r) => setTimeout(r, next.delayMs));
    if (res.destroyed) return;
    res.writeHead(next.status ?? 200, { "content-type": "application/json", ...next.headers });
    res.end(typeof next.body === "string" ? next.body : JSON.stringify(next.body ?? {}));
  }
}

/** A chat completion whose message content is `content`, with token usage. */
export function completion(content: string | null, extra: { finish_reason?: string; refusal?: string } = {}) {
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1,
    model: "gpt-test",
    choices: [
      {
        index: 0,
        finish_reason: extra.finish_reason ?? "stop",
        message: { role: "assistant", content, refusal: extra.refusal ?? null },
      },
    ],
    usage: { prompt_tokens: 1200, completion_tokens: 800, total_tokens: 2000 },
  };
}

/** A well-grounded model answer built from a digest: what a good model would say about the article. */
export function modelAnswerFrom(digest: Digest): ModelDigest {
  return {
    title: digest.title,
    junkParagraphs: digest.paragraphs
      .filter((p) => p.junk)
      .map((p) => ({ paragraph: p.index, reason: p.reason ?? "junk" })),
    sources: digest.sources.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      role: s.role ?? null,
      aliases: s.aliases,
    })),
    statements: digest.statements.map((s) => ({
      id: s.id,
      claim: s.claim,
      status: s.status,
      sources: s.sources,
      evidence: s.evidence,
      rationale: s.rationale,
      conflictsWith: s.conflictsWith ?? [],
    })),
    timeline: digest.timeline.map((t) => ({ when: t.when, event: t.event, evidence: t.evidence })),
  };
}
