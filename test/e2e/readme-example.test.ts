import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/exec.js";
import { startPrism, type PrismProcess } from "../support/prism.js";
import { example } from "../examples/consumer.js";

const exampleFile = join(repoRoot, "test/examples/consumer.ts");

describe("README consumer example", () => {
  it("the README shows test/examples/consumer.ts verbatim", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toContain(readFileSync(exampleFile, "utf8"));
  });

  let prism: PrismProcess;
  beforeAll(async () => {
    // The committed mock spec (the bundle with the generated fixtures): no build needed.
    prism = await startPrism(join(repoRoot, "packages/mocks/src/generated/openapi.mock.json"));
  });
  afterAll(() => prism?.stop());

  it("runs against the Prism mock", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const users = await example(prism.url);
      expect(users.length).toBeGreaterThan(0);
      expect(log).toHaveBeenCalledWith(404, "NOT_FOUND", expect.any(String));
    } finally {
      log.mockRestore();
    }
  });
});
