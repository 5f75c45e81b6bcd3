/**
 * A path parameter is what the path template says: a `{name}` the operation leaves undeclared
 * (invalid, but real: OpenAI's certificates endpoints) is still a required path parameter, of
 * unknown schema (any string), and a parameter declared `in: path` whose name the template lacks
 * is never sent. Declaring the one or dropping the other changes nothing on the wire.
 */
import { describe, expect, it } from "vitest";
import { diffDocs, doc, json, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const ok = { "200": { description: "ok", content: json({ type: "object" }) } };
const path = (name: string, schema: P = { type: "string" }): P => ({ name, in: "path", required: true, schema });
const query = (name: string, extra: P = {}): P => ({ name, in: "query", schema: { type: "string" }, ...extra });
/** GET and DELETE under `template`, each with `parameters`. */
const at = (template: string, parameters: P[], item: P = {}) =>
  doc({
    [template]: {
      ...item,
      get: { operationId: "getCert", parameters, responses: ok },
      delete: { operationId: "deleteCert", parameters, responses: { "204": { description: "gone" } } },
    },
  });
const cert = "/certificates/{certificate_id}";

const rows: Row[] = [
  // Given/want: the template's variable, undeclared in base.
  { name: "undeclared template variable now declared as a string: no new required parameter", before: at(cert, []), after: at(cert, [path("certificate_id")]), want: ["patch: documentation-changed", "patch: documentation-changed"] },
  {
    name: "undeclared template variable now declared at the path item",
    before: at(cert, []),
    after: at(cert, [], { parameters: [path("certificate_id")] }),
    want: ["patch: documentation-changed", "patch: documentation-changed"],
  },
  {
    name: "undeclared template variable now declared with a pattern: the narrowing, as for a declared one",
    before: at(cert, []),
    after: at(cert, [path("certificate_id", { type: "string", pattern: "^cert_" })]),
    want: ["breaking: request-pattern-narrowed", "breaking: request-pattern-narrowed", "patch: documentation-changed", "patch: documentation-changed"],
  },
  {
    name: "undeclared template variable now declared with an enum: the narrowing, as for a declared one",
    before: at(cert, []),
    after: at(cert, [path("certificate_id", { type: "string", enum: ["a", "b"] })]),
    want: ["breaking: request-enum-narrowed", "breaking: request-enum-narrowed", "patch: documentation-changed", "patch: documentation-changed"],
  },
  { name: "declared path parameter no longer declared: still in the template, still sent", before: at(cert, [path("certificate_id")]), after: at(cert, []), want: ["patch: documentation-changed", "patch: documentation-changed"] },
  { name: "template variable undeclared in both: nothing", before: at(cert, [query("q")]), after: at(cert, [query("q")]), want: [] },
  // Declared `in: path` but not in the template: never sent.
  { name: "path parameter not in the template removed: never sent", before: at(cert, [path("certificate_id"), path("cert_id")]), after: at(cert, [path("certificate_id")]), want: ["patch: documentation-changed", "patch: documentation-changed"] },
  { name: "path parameter not in the template added: never sent", before: at(cert, [path("certificate_id")]), after: at(cert, [path("certificate_id"), path("cert_id")]), want: ["patch: documentation-changed", "patch: documentation-changed"] },
  {
    name: "OpenAI's certificates: base declared cert_id for a {certificate_id} template, head declares certificate_id",
    before: at(cert, [path("cert_id")]),
    after: at(cert, [path("certificate_id")]),
    // Both at parameters/0 of each operation: one finding there, saying both.
    want: ["patch: documentation-changed", "patch: documentation-changed"],
  },
  // Real changes stay what they were.
  {
    name: "template variable renamed and declared on both sides: a rename",
    before: at("/certificates/{id}", [path("id")]),
    after: at(cert, [path("certificate_id")]),
    want: ["warning: request-parameter-renamed", "warning: request-parameter-renamed"],
  },
  {
    name: "template variable renamed and now declared: the rename, and the declaration",
    before: at("/certificates/{id}", []),
    after: at(cert, [path("certificate_id")]),
    want: ["patch: documentation-changed", "patch: documentation-changed", "warning: request-parameter-renamed", "warning: request-parameter-renamed"],
  },
  // The path's key changed, as before: no rule applies (the generated client has no argument for either).
  { name: "template variable renamed, undeclared on both sides: nothing on the wire", before: at("/certificates/{id}", []), after: at(cert, []), want: ["patch: other-change", "patch: other-change"] },
  { name: "required query parameter added next to an undeclared template variable: breaking", before: at(cert, []), after: at(cert, [query("expand", { required: true })]), want: ["breaking: request-parameter-added-required", "breaking: request-parameter-added-required"] },
  {
    name: "required header parameter added: breaking",
    before: at(cert, [path("certificate_id")]),
    after: at(cert, [path("certificate_id"), { name: "X-Org", in: "header", required: true, schema: { type: "string" } }]),
    want: ["breaking: request-parameter-added-required", "breaking: request-parameter-added-required"],
  },
  { name: "declared path parameter in the template narrowed: breaking as before", before: at(cert, [path("certificate_id")]), after: at(cert, [path("certificate_id", { type: "string", maxLength: 8 })]), want: ["breaking: request-max-length-narrowed", "breaking: request-max-length-narrowed"] },
  { name: "query parameter removed: breaking as before", before: at(cert, [query("q")]), after: at(cert, []), want: ["breaking: request-parameter-removed", "breaking: request-parameter-removed"] },
];

describe("path parameters are what the path template says", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("says why declaring a template variable is no change on the wire, and points at the declaration", async () => {
    const changes = await diffDocs(at(cert, []), at(cert, [path("certificate_id")]));
    expect(changes.find((c) => c.operation.startsWith("GET"))).toMatchObject({
      rule: "documentation-changed",
      breaking: false,
      pointer: "#/paths/~1certificates~1{certificate_id}/get/parameters/0",
      reason: expect.stringContaining("path parameter certificate_id: now declared; the path template already had it"),
    });
  });

  it("says a path parameter not in the template was never sent, and points at it in base", async () => {
    const changes = await diffDocs(at(cert, [path("certificate_id"), path("cert_id")]), at(cert, [path("certificate_id")]));
    expect(changes.find((c) => c.operation.startsWith("DELETE"))).toMatchObject({
      rule: "documentation-changed",
      breaking: false,
      pointer: "#/paths/~1certificates~1{certificate_id}/delete/parameters/1",
      reason: expect.stringContaining("path parameter cert_id: no longer declared; not in the path template /certificates/{certificate_id}, so never sent"),
    });
  });

  it("lists a dropped stray declaration and the template variable's new one at the same place as one finding", async () => {
    const changes = await diffDocs(at(cert, [path("cert_id")]), at(cert, [path("certificate_id")]));
    const get = changes.filter((c) => c.operation.startsWith("GET"));
    expect(get).toHaveLength(1);
    expect(get[0]!.reason).toContain("path parameter cert_id: no longer declared");
    expect(get[0]!.reason).toContain("path parameter certificate_id: now declared");
  });
});
