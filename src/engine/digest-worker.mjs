// The digest worker's entry: a worker thread starts without the parent's TypeScript loader, so it
// registers tsx (as bin/newsdesk does) before loading the engine's own sources.
import { register } from "tsx/esm/api";

register();
await import("./digest-worker-main.ts");
