import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceSource } from "../../vitest.shared.js";

// Two suites, two turbo tasks: `test` (unit, CLI, reports) and `test:corpus` (real API version
// pairs from npm, fetched into a git-ignored cache).
export default defineConfig(
  mergeConfig(workspaceSource, {
    test: {
      testTimeout: 60_000,
      hookTimeout: 60_000,
      projects: [
        // Files share a worker's module graph: spec-diff and the codegen loader are imported once.
        { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/corpus/**"], isolate: false } },
        { extends: true, test: { name: "corpus", include: ["test/corpus/**/*.test.ts"], testTimeout: 300_000 } },
      ],
    },
  }),
);
