import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // One Prism for the whole run (it takes seconds to start; the calls take milliseconds).
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    // Each file starts its own BFF (and fault server) on ephemeral ports, so files run in parallel.
    pool: "threads",
  },
});
