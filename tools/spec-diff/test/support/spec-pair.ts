import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadVersion } from "../../src/load.js";
import { diffSpecs } from "../../src/diff.js";
import type { Change } from "../../src/types.js";
import { RULE_BREAKS, RULE_IDS } from "../../src/rules/catalog.js";
import { defaultSeverity } from "../../src/severity.js";
import { expect } from "vitest";

type Obj = Record<string, unknown>;

/** A minimal OpenAPI 3.1 document. */
export const doc = (paths: Obj, extra: Obj = {}): Obj => ({ openapi: "3.1.0", info: { title: "T", version: "1.0.0" }, paths, ...extra });

export const json = (schema: Obj) => ({ "application/json": { schema } });

/** GET /things answering 200 with `schema`. */
export const getThing = (schema: Obj, extra: Obj = {}): Obj =>
  doc({ "/things": { get: { operationId: "listThings", tags: ["Things"], responses: { "200": { description: "ok", content: json(schema) } }, ...extra } } });

/**
 * POST /things taking and returning the component `Thing`: one schema used in both directions,
 * so each change shows its request and its response verdict.
 */
export const sharedThing = (thing: Obj, more: Obj = {}): Obj =>
  doc(
    {
      "/things": {
        post: {
          operationId: "createThing",
          tags: ["Things"],
          requestBody: { required: true, content: json({ $ref: "#/components/schemas/Thing" }) },
          responses: { "200": { description: "ok", content: json({ $ref: "#/components/schemas/Thing" }) } },
        },
      },
    },
    { components: { schemas: { Thing: thing, ...more } } },
  );

export const object = (properties: Obj, required: string[] = [], extra: Obj = {}): Obj => ({ type: "object", properties, required, ...extra });

/** Writes both documents to a temporary folder, loads them with the codegen loader, diffs them. */
export async function diffDocs(before: Obj, after: Obj): Promise<Change[]> {
  const dir = mkdtempSync(join(tmpdir(), "spec-diff-test-"));
  try {
    writeFileSync(join(dir, "before.json"), JSON.stringify(before));
    writeFileSync(join(dir, "after.json"), JSON.stringify(after));
    // Every finding a test meets breaks as the catalog says (the README's rule table comes from it).
    const severityOf = (rule: string, breaks: boolean) => {
      expect(breaks, `${rule}: breaking ${breaks}, but src/rules/catalog.ts says ${RULE_BREAKS.get(rule)}`).toBe(RULE_BREAKS.get(rule));
      return defaultSeverity(rule, breaks);
    };
    const changes = diffSpecs(await loadVersion(join(dir, "before.json")), await loadVersion(join(dir, "after.json")), severityOf);
    // Every rule a test meets is one the catalog knows (configurations are checked against it).
    for (const c of changes) expect(RULE_IDS.has(c.rule), `rule ${c.rule} is not in src/rules/catalog.ts`).toBe(true);
    return changes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `breaking: rule` / `warning: rule` / `minor: rule` / `patch: rule` (info by its bump), sorted: what a table row wants. */
export const verdicts = (changes: Change[]) => changes.map((c) => `${c.severity === "info" ? c.bump : c.severity}: ${c.rule}`).sort();

export interface Row {
  name: string;
  before: Obj;
  after: Obj;
  want: string[];
}
