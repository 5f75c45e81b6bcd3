import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 10_000,
    // Each file starts its own fault server on an ephemeral port, so files can run in parallel.
    pool: "threads",
  },
});
