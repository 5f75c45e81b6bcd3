import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceSource } from "../../vitest.shared.js";

export default defineConfig(
  mergeConfig(workspaceSource, {
    test: {
      include: ["test/**/*.test.ts"],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // Files share a worker's module graph: spec-diff and the codegen loader are imported once.
      isolate: false,
    },
  }),
);
