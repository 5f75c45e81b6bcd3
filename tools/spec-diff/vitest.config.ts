import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceSource } from "../../vitest.shared.js";

// Two suites, two turbo tasks: `test` (unit, CLI, reports) and `test:corpus` (real API version
// pairs from npm, fetched into a git-ignored cache).
export default defineConfig(
  mergeConfig(workspaceSource, {
    test: {
      // The CLI tests spawn the CLI through tsx a dozen times per test (33 s for the longest on an
      // idle 2-core machine): a timeout is a hang guard, not a speed check, so it leaves room for a loaded CI.
      testTimeout: 180_000,
      hookTimeout: 180_000,
      projects: [
        // Files share a worker's module graph: spec-diff and the codegen loader are imported once.
        { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/corpus/**"], isolate: false } },
        { extends: true, test: { name: "corpus", include: ["test/corpus/**/*.test.ts"], testTimeout: 300_000 } },
      ],
    },
  }),
);
