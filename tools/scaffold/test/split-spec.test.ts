/**
 * The multi-file spec a new project gets: Redocly's `split` names files after paths and components
 * as they are, so `/cookies#form` (ReadMe's examples tell operations on one path apart that way)
 * became `paths/cookies#form.yaml`, whose `$ref` is file `paths/cookies` plus a fragment: the
 * project's spec:diff could not read it. Given such names, want files any URI resolver reads.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { splitSpec } from "../src/split-spec.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const ok = { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Has Space" } } } } };

describe("splitSpec", () => {
  it("gives paths and components with #, ?, % or spaces file names a $ref can point at", async () => {
    const work = mkdtempSync(join(tmpdir(), "scaffold-split-"));
    try {
      const spec = join(work, "in.json");
      writeFileSync(
        spec,
        JSON.stringify({
          openapi: "3.0.3",
          info: { title: "t", version: "1" },
          paths: {
            "/cookies": { get: { operationId: "plain", responses: ok } },
            "/cookies#formExploded": { get: { operationId: "exploded", responses: ok } },
            "/search?beta=true": { get: { operationId: "beta", responses: ok } },
            "/rate%limit": { get: { operationId: "percent", responses: ok } },
          },
          components: { schemas: { "Has Space": { type: "object", properties: { a: { type: "string" } } } } },
        }),
      );
      const out = join(work, "spec");
      await splitSpec(repo, spec, out, work, (message: string) => {
        throw new Error(message);
      });
      const files = readdirSync(out, { recursive: true }) as string[];
      expect(files.filter((f) => /[#?%\s]/.test(f))).toEqual([]);
      // Every $ref's file part (before any #) names a file that exists, from the file that holds it.
      const refs: string[] = [];
      for (const f of files.filter((x) => x.endsWith(".yaml"))) {
        for (const [, ref] of readFileSync(join(out, f), "utf8").matchAll(/\$ref:\s*['"]?([^'"\s]+)/g)) {
          const file = ref!.split("#")[0]!;
          if (file) refs.push(existsSync(join(out, dirname(f), file)) ? "ok" : `${f}: ${ref}`);
        }
      }
      expect(refs.filter((r) => r !== "ok")).toEqual([]);
      expect(refs.length).toBeGreaterThanOrEqual(5);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
