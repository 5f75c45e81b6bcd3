/**
 * spec:diff on real version histories of public APIs (test/corpus/pairs.ts), fetched from the npm
 * registry into a git-ignored cache on first run: no crash, the recorded number of findings per
 * severity, and every report format renders. Skips with one line when a spec is not cached and the
 * registry cannot be reached.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { runSpecDiff } from "../../src/run.js";
import { render } from "../../src/format/index.js";
import { FORMATS } from "../../src/config.js";
import { RULE_IDS } from "../../src/rules/catalog.js";
import { fetchAll, label } from "./npm-specs.js";
import { PAIRS } from "./pairs.js";

const fetched = await fetchAll(PAIRS.flatMap((p) => [p.base, p.head]));
if ("skip" in fetched) console.warn(`spec-diff corpus: skipped — ${fetched.skip}`);
const files = "files" in fetched ? fetched.files : new Map<string, string>();

describe.skipIf("skip" in fetched)("real API histories", () => {
  it.each(PAIRS)("$name (OpenAPI $openapi)", async (pair) => {
    // Outside any repository: no ignore file or changeset of ours applies.
    const cwd = mkdtempSync(`${tmpdir()}/spec-diff-corpus-`);
    try {
      const r = await runSpecDiff({ cwd, baseSpec: files.get(label(pair.base))!, spec: files.get(label(pair.head))! });
      const got = { breaking: r.counts.breaking, warning: r.counts.warning, info: r.counts.info };
      expect(got).toEqual(pair.want);
      for (const c of r.changes) expect(RULE_IDS.has(c.rule), c.rule).toBe(true);
      for (const format of FORMATS) for (const changelog of [false, true]) expect(render(r, format, changelog).length).toBeGreaterThan(0);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
