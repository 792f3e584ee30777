import { parentPort } from "node:worker_threads";
import { digestArticle } from "./offline.ts";
import type { DigestReply, DigestRequest } from "./worker-engine.ts";

/**
 * Runs in the digest worker thread: one article at a time, in the order they arrive. An error in the
 * engine goes back as a message; anything worse ends the thread, and the parent starts a new one.
 */
const port = parentPort;
if (!port) throw new Error("digest-worker-main.ts runs only as a worker thread");
port.on("message", ({ id, article }: DigestRequest) => {
  let reply: DigestReply;
  try {
    reply = { id, digest: digestArticle(article) };
  } catch (error) {
    reply = {
      id,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
    };
  }
  port.postMessage(reply);
});
