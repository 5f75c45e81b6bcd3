import type { ViteUserConfig } from "vitest/config";

/**
 * Inside the repo, workspace packages resolve to their TypeScript sources through the
 * `@specforge/source` export condition (the pattern zod uses), so tests run on a fresh clone
 * without building `dist/` first. Published packages never see the condition: consumers get `dist/`.
 */
export const SOURCE_CONDITION = "@specforge/source";

// Vite replaces its default conditions when given a list, so they are repeated after ours.
const conditions = [SOURCE_CONDITION, "module", "node", "development|production"];

/** Merged into every package's vitest config. */
export const workspaceSource: ViteUserConfig = {
  resolve: { conditions },
  ssr: { resolve: { conditions } },
};
