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

describe("servers", () => {
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
