import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceSource } from "../../vitest.shared.js";

export default defineConfig(
  mergeConfig(workspaceSource, {
    test: {
      include: ["test/**/*.test.ts"],
      environment: "node",
      testTimeout: 10_000,
      // Each file starts its own fault server on an ephemeral port, so files can run in parallel.
      pool: "threads",
      // Files share a worker's module graph instead of re-importing the runtime per file (half the CPU).
      isolate: false,
    },
  }),
);
