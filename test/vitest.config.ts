import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "artifacts/**"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Contract and e2e suites start processes and touch the repo: one file at a time.
    fileParallelism: false,
  },
});
