import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceSource } from "../../vitest.shared.js";

// Three suites that turbo runs and caches as separate tasks (see turbo.json beside this file):
// `unit` (`test`), the oracle suites over real specs and random schemas (`test:corpus`) and the
// watch loop (`test:dev`). `vitest run` with no --project runs all three.
const CORPUS = [
  "test/real-specs-cli.test.ts",
  "test/ots-types.test.ts",
  "test/workers.test.ts",
  "test/mocks/real-specs.test.ts",
  "test/mocks/prism-params.test.ts",
  "test/agreement/*.test.ts",
  "test/emit/hostile-specs.test.ts",
];
const DEV = ["test/dev/dev-loop.test.ts", "test/dev/same-as-cli.test.ts"];

export default defineConfig(
  mergeConfig(workspaceSource, {
    test: {
      testTimeout: 120_000,
      hookTimeout: 120_000,
      projects: [
        // Unit files share a worker's module graph (the emitters are imported once, not per file).
        { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...CORPUS, ...DEV], isolate: false } },
        { extends: true, test: { name: "corpus", include: CORPUS } },
        { extends: true, test: { name: "dev", include: DEV } },
      ],
    },
  }),
);
