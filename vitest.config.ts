import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// The local fake Discord (discord-digital-twin) keeps its data in one in-memory database per process: the
// files that start one each need a process of their own.
const OWN_PROCESS = [
  "tests/discord-e2e.test.ts",
  "tests/discord-http-e2e.test.ts",
  "tests/discord-http-cluster.test.ts",
  "tests/discord-follow-e2e.test.ts",
  "tests/discord-process.test.ts",
  "tests/discord-queue-e2e.test.ts",
];

export default defineConfig({
  test: {
    // A few suites start real processes (bin/newsdesk, a second bot); on a loaded 2-core machine one can
    // take seconds.
    testTimeout: 90_000,
    maxConcurrency: 4,
    // Two workers at least, even on two cores (vitest's default there is one): much of the suite waits on
    // child processes, sockets and Redis, and a second file runs in those waits.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["tests/**/*.test.ts"],
          exclude: OWN_PROCESS,
          // A worker keeps the modules it loaded from one file to the next instead of loading the sources
          // again for each (a third of the suite's time). Files stay independent: the sources' only
          // module-level state is read-only tables and memos of pure functions, each file builds its own
          // stores, servers and fakes, and the suite passes with its files in random order
          // (--sequence.shuffle.files).
          isolate: false,
        },
      },
      { extends: true, test: { name: "own-process", include: OWN_PROCESS } },
    ],
  },
});
