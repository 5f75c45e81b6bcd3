import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceSource } from "../../vitest.shared.js";

// One spec after the other: each scaffold installs, builds and runs Prism and its own suite.
export default defineConfig(mergeConfig(workspaceSource, { test: { include: ["test/**/*.test.ts"], fileParallelism: false, testTimeout: 3_600_000, hookTimeout: 600_000 } }));
