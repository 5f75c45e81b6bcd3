import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceSource } from "../vitest.shared.js";

// One vitest project per turbo task (see turbo.json beside this file), so each suite runs and is
// cached on its own inputs: `test` (e2e checks of the spec and the README), `test:contract`,
// `test:dev` (pnpm dev), `test:browser` (headless Chromium), `test:release` (publish to a local
// registry, consumers install from it), `test:cache` (turbo's local and remote cache). `vitest run` runs them all.
const suites: Record<string, { include: string[]; globalSetup?: string[]; testTimeout?: number; pool?: "threads"; isolate?: boolean; fileParallelism?: boolean; maxWorkers?: number; sequence?: { groupOrder: number } }> = {
  e2e: { include: ["e2e/broken-spec.test.ts", "e2e/readme-example.test.ts", "e2e/root-scripts.test.ts", "e2e/prism-start.test.ts"] },
  // One Prism for every contract file, started only when a contract file is selected.
  // Files share one worker's module graph (the client and zod modules are imported once).
  contract: { include: ["contract/**/*.test.ts"], globalSetup: ["contract/global-setup.ts"], testTimeout: 15_000, pool: "threads", isolate: false },
  // Each test runs the contract CLI against Prism and a real server: minutes on a loaded CI machine.
  conformance: { include: ["conformance/**/*.test.ts"], testTimeout: 360_000 },
  dev: { include: ["e2e/dev.test.ts"] },
  browser: { include: ["e2e/docs.test.ts", "e2e/client-in-browser.test.ts"] },
  // Publishing, installing and type-checking consumers: each step is minutes on a loaded machine.
  release: { include: ["e2e/release.test.ts"], testTimeout: 600_000 },
  // Each file works on its own copy or clones of the repo (the repo's .turbo/cache is only read, or
  // written content-addressed): they run side by side, so the suite's tail uses every core. (Its
  // own group order: vitest runs projects of different worker counts in separate groups.)
  cache: { include: ["e2e/turbo-cache.test.ts", "e2e/remote-cache.test.ts", "e2e/config-rename.test.ts", "e2e/turbo-inputs.test.ts"], fileParallelism: true, maxWorkers: 3, sequence: { groupOrder: 1 } },
};

export default defineConfig(
  mergeConfig(workspaceSource, {
    test: {
      exclude: ["node_modules/**", "artifacts/**"],
      testTimeout: 120_000,
      hookTimeout: 120_000,
      // These suites start processes and touch the repo: one file at a time within a suite.
      fileParallelism: false,
      projects: Object.entries(suites).map(([name, suite]) => ({ extends: true, test: { name, ...suite } })),
    },
  }),
);
