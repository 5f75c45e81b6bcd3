import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    exclude: ["node_modules/**", "artifacts/**"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Contract and e2e suites start processes and touch the repo: one file at a time.
    fileParallelism: false,
    projects: [
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["**/*.test.ts"],
          exclude: ["node_modules/**", "artifacts/**", "contract/**"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "contract",
          include: ["contract/**/*.test.ts"],
          // One Prism for every contract file; only started when a contract file is selected.
          globalSetup: ["contract/global-setup.ts"],
          testTimeout: 15_000,
          // After e2e: the projects would otherwise run side by side.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
