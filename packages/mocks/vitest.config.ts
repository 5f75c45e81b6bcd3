import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceSource } from "../../vitest.shared.js";

export default defineConfig(
  mergeConfig(workspaceSource, {
    test: {
      include: ["test/**/*.test.ts"],
      // msw 3 needs Node ≥ 22.12; the repository runs Node 20 (see src/node20.ts).
      setupFiles: ["./src/node20.ts"],
    },
  }),
);
