import { describe, expect, it } from "vitest";
import { diffDocs, doc, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const urls = (...list: string[]) => list.map((url) => ({ url }));
const done = { "204": { description: "ok" } };
/** GET /things and GET /others; `top`, the path item's and the operation's servers when given. */
const api = (top?: string[], path?: string[], op?: string[]) =>
  doc(
    {
      "/things": { ...(path ? { servers: urls(...path) } : {}), get: { operationId: "listThings", ...(op ? { servers: urls(...op) } : {}), responses: done } },
      "/others": { get: { operationId: "listOthers", responses: done } },
    },
    top ? { servers: urls(...top) } : {},
  );
const A = "https://a.example.com";
const B = "https://b.example.com";
const C = "https://c.example.com";

const rows: Row[] = [
  { name: "server removed", before: api([A, B]), after: api([A]), want: ["breaking: server-removed"] },
  { name: "server added", before: api([A]), after: api([A, B]), want: ["minor: server-added"] },
  { name: "first servers declared", before: api(), after: api([A]), want: ["minor: server-added"] },
  { name: "server URL changed", before: api([A, B]), after: api([A, C]), want: ["breaking: server-url-changed"] },
  { name: "another server first (the client's default baseUrl)", before: api([A, B]), after: api([B, A]), want: ["breaking: server-default-changed"] },
  { name: "trailing slash only", before: api([A]), after: api([`${A}/`]), want: ["patch: other-change"] },
  { name: "description only", before: api([A]), after: doc(api([A]).paths as P, { servers: [{ url: A, description: "production" }] }), want: ["patch: documentation-changed"] },
  { name: "path servers: URL removed", before: api([A], [B, C]), after: api([A], [B]), want: ["breaking: server-removed"] },
  { name: "operation servers: URL changed", before: api([A], undefined, [B]), after: api([A], undefined, [C]), want: ["breaking: server-url-changed"] },
  { name: "operation servers declared, adding one to the inherited ones", before: api([A]), after: api([A], undefined, [A, B]), want: ["minor: server-added"] },
  { name: "operation servers declared, dropping an inherited one", before: api([A, B]), after: api([A, B], undefined, [A]), want: ["breaking: server-removed"] },
  { name: "operation servers same as the inherited ones", before: api([A]), after: api([A], undefined, [A]), want: ["patch: other-change"] },
  { name: "top-level change inherited by operations: reported once", before: api([A, B]), after: api([A]), want: ["breaking: server-removed"] },
];

const templated = "https://{region}.example.com/{base}";
/** One top-level server with variables region and base. */
const withVars = (region: P, base: P) => doc(api().paths as P, { servers: [{ url: templated, variables: { region, base } }] });

// A server's variables decide the URL a client uses: the defaults its default baseUrl, the enum what it may pick.
const variableRows: Row[] = [
  {
    name: "variable defaults changed: the default base URL moves",
    before: withVars({ default: "us", enum: ["us", "eu"] }, { default: "v1" }),
    after: withVars({ default: "eu", enum: ["us", "eu"] }, { default: "v2" }),
    want: ["breaking: server-default-changed"],
  },
  { name: "variable enum value removed", before: withVars({ default: "us", enum: ["us", "eu"] }, { default: "v1" }), after: withVars({ default: "us", enum: ["us"] }, { default: "v1" }), want: ["breaking: server-variable-value-removed"] },
  { name: "variable enum value added", before: withVars({ default: "us", enum: ["us"] }, { default: "v1" }), after: withVars({ default: "us", enum: ["us", "ap"] }, { default: "v1" }), want: ["minor: server-variable-value-added"] },
  { name: "variable restricted to an enum", before: withVars({ default: "us" }, { default: "v1" }), after: withVars({ default: "us", enum: ["us"] }, { default: "v1" }), want: ["breaking: server-variable-value-removed"] },
  { name: "variable description only", before: withVars({ default: "us" }, { default: "v1" }), after: withVars({ default: "us", description: "where" }, { default: "v1" }), want: ["patch: documentation-changed"] },
];

describe("servers", () => {
  it.each(variableRows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("names the old and the new default URL", async () => {
    const [c] = await diffDocs(withVars({ default: "us" }, { default: "v1" }), withVars({ default: "eu" }, { default: "v2" }));
    expect(c).toMatchObject({ rule: "server-default-changed", pointer: "#/servers/0/variables", reason: "default server URL (the generated client's default baseUrl) changed from https://us.example.com/v1 to https://eu.example.com/v2" });
  });

  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("points at the server, for the document or for the operation", async () => {
    const [top] = await diffDocs(api([A, B]), api([A]));
    expect(top).toMatchObject({ operation: "(document)", pointer: "#/servers/1", reason: `server ${B} removed: clients configured with it can no longer reach the API` });
    const [op] = await diffDocs(api([A], undefined, [B]), api([A], undefined, [C]));
    expect(op).toMatchObject({ operation: "GET /things (listThings)", pointer: "#/paths/~1things/get/servers/0", reason: `operation servers: server URL changed from ${B} to ${C}` });
  });

  it("no longer lists a server change as an unexplained other-change", async () => {
    const changes = await diffDocs(api([A, B]), api([A, C]));
    expect(changes.map((c) => c.rule)).toEqual(["server-url-changed"]);
  });
});
