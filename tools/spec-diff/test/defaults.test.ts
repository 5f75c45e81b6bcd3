import { describe, expect, it } from "vitest";
import { diffDocs, doc, getThing, object, sharedThing, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const withParam = (schema: P) => doc({ "/things": { get: { operationId: "listThings", parameters: [{ name: "limit", in: "query", schema }], responses: { "204": { description: "ok" } } } } });
const int = (extra: P = {}) => ({ type: "integer", ...extra });
const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });

// `Thing` is both the request body and the response of POST /things: a default changes what the
// server does for clients that leave the value out (requests), and only documents a response.
const rows: Row[] = [
  { name: "query parameter default changed", before: withParam(int({ default: 20 })), after: withParam(int({ default: 50 })), want: ["breaking: request-default-changed"] },
  { name: "query parameter default removed", before: withParam(int({ default: 20 })), after: withParam(int()), want: ["breaking: request-default-removed"] },
  { name: "query parameter default added", before: withParam(int()), after: withParam(int({ default: 20 })), want: ["minor: request-default-added"] },
  { name: "query parameter default spelled the same", before: withParam(int({ default: 20 })), after: withParam(int({ default: 20, description: "page size" })), want: ["patch: documentation-changed"] },
  {
    name: "property default changed",
    before: sharedThing(object({ n: int({ default: 1 }) })),
    after: sharedThing(object({ n: int({ default: 2 }) })),
    want: ["breaking: request-default-changed", "patch: response-default-changed"],
  },
  {
    name: "property default removed",
    before: sharedThing(object({ n: int({ default: 1 }) })),
    after: sharedThing(object({ n: int() })),
    want: ["breaking: request-default-removed", "patch: response-default-removed"],
  },
  { name: "property default added", before: sharedThing(object({ n: int() })), after: sharedThing(object({ n: int({ default: 1 }) })), want: ["minor: request-default-added", "patch: response-default-added"] },
  {
    name: "default null added (told apart from none)",
    before: sharedThing(object({ n: { type: ["integer", "null"] } })),
    after: sharedThing(object({ n: { type: ["integer", "null"], default: null } })),
    want: ["minor: request-default-added", "patch: response-default-added"],
  },
  { name: "response-only default changed", before: getThing(object({ n: int({ default: 1 }) })), after: getThing(object({ n: int({ default: 2 }) })), want: ["patch: response-default-changed"] },
  {
    name: "default next to a $ref overrides the target's",
    before: sharedThing(object({ n: { ...ref("Limit"), default: 10 } }), { Limit: int({ default: 20 }) }),
    after: sharedThing(object({ n: { ...ref("Limit"), default: 30 } }), { Limit: int({ default: 20 }) }),
    want: ["breaking: request-default-changed", "patch: response-default-changed"],
  },
  {
    name: "default of a shared component changed",
    before: sharedThing(object({ n: ref("Limit") }), { Limit: int({ default: 20 }) }),
    after: sharedThing(object({ n: ref("Limit") }), { Limit: int({ default: 25 }) }),
    want: ["breaking: request-default-changed", "patch: response-default-changed"],
  },
];

describe("defaults", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("points at the default and says what clients get", async () => {
    const [change] = await diffDocs(withParam(int({ default: 20 })), withParam(int({ default: 50 })));
    expect(change).toMatchObject({
      rule: "request-default-changed",
      bump: "major",
      pointer: "#/paths/~1things/get/parameters/0/schema/default",
      reason: "query parameter limit: default changed from 20 to 50: clients that leave it out get a different behaviour",
    });
  });

  it("no longer lists a changed default as an unexplained other-change", async () => {
    const changes = await diffDocs(sharedThing(object({ n: int({ default: 1 }) })), sharedThing(object({ n: int({ default: 2 }) })));
    expect(changes.map((c) => c.rule)).not.toContain("other-change");
    expect(changes.find((c) => c.rule === "response-default-changed")).toMatchObject({ breaking: false, bump: "patch", reason: "response 200 application/json: body.n: default changed from 1 to 2 (documentation only)" });
  });
});
