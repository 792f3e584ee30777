import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Several suites start real bin/newsdesk processes; on a loaded 2-core machine one can take seconds.
    testTimeout: 90_000,
    maxConcurrency: 4,
  },
});
