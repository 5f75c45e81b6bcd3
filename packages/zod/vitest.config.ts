import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceSource } from "../../vitest.shared.js";

export default defineConfig(mergeConfig(workspaceSource, { test: { include: ["test/**/*.test.ts"] } }));
