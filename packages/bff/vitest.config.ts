import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceSource } from "../../vitest.shared.js";

// Two turbo tasks: `test` (the unit and generic projects) and `test:browser` (headless Chromium,
// cached on its own). The generic files replace a module of the BFF (vi.mock), so they run isolated.
const BROWSER = ["test/browser.test.ts"];
const GENERIC = ["test/generic-api.test.ts", "test/query-key.test.ts", "test/basic-auth.test.ts", "test/api-keys.test.ts"];

export default defineConfig(
  mergeConfig(workspaceSource, {
    test: {
      environment: "node",
      testTimeout: 30_000,
      hookTimeout: 90_000,
      // Each file starts its own BFF (and fault server) on an ephemeral port, so files run in parallel.
      pool: "threads",
      // `unit` files share a worker's module graph (the BFF, client and zod modules are imported once).
      // One Prism per suite (it takes seconds to start; the calls take milliseconds). Set per project:
      // at the root it would run once more for the root itself.
      projects: [
        { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...BROWSER, ...GENERIC], isolate: false, globalSetup: ["test/global-setup.ts"] } },
        { extends: true, test: { name: "generic", include: GENERIC } },
        { extends: true, test: { name: "browser", include: BROWSER, globalSetup: ["test/global-setup.ts"] } },
      ],
    },
  }),
);
