// A stand-in digest worker that fails on request: "fail ..." answers with an engine error, "crash ..."
// ends the thread; anything else gets a minimal reply naming the article.
import { parentPort } from "node:worker_threads";

parentPort?.on("message", ({ id, article }) => {
  if (article.startsWith("crash")) process.exit(3);
  if (article.startsWith("fail")) parentPort?.postMessage({ id, error: "RangeError: engine gave up" });
  else parentPort?.postMessage({ id, digest: { title: article } });
});
