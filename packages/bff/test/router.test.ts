import { operationMeta, type OperationMeta } from "@specforge/client";
import { describe, expect, it } from "vitest";
import { createRouter } from "../src/index.js";

const route = createRouter(Object.values(operationMeta) as OperationMeta[]);

describe("router: the API's own path matching", () => {
  it.each([
    { given: ["GET", "/users"], want: { op: "listUsers", params: {} } },
    { given: ["POST", "/users"], want: { op: "createUser", params: {} } },
    { given: ["GET", "/users/me"], want: { op: "getCurrentUser", params: {} } },
    { given: ["GET", "/users/abc"], want: { op: "getUser", params: { id: "abc" } } },
    { given: ["GET", "/products/changes"], want: { op: "listProductChanges", params: {} } },
    { given: ["DELETE", "/products/p%2F1"], want: { op: "deleteProduct", params: { id: "p%2F1" } } },
    { given: ["GET", "/marketplace/apps/trending"], want: { op: "listTrendingApps", params: {} } },
    { given: ["POST", "/coaching/sessions/s1/conclude"], want: { op: "concludeCoachingSession", params: { id: "s1" } } },
    { given: ["GET", "/coaching/sessions/s1/chat/stream"], want: { op: "streamCoachingChat", params: { id: "s1" } } },
  ])("$given.0 $given.1 → $want.op", ({ given, want }) => {
    const m = route(given[0]!, given[1]!);
    expect(m.kind).toBe("operation");
    if (m.kind !== "operation") return;
    expect(m.meta.id).toBe(want.op);
    expect(m.params).toEqual(want.params);
  });

  it.each([
    // The literal template wins before the method is looked at, as the API routes it.
    { given: ["PATCH", "/users/me"], want: ["GET"] },
    { given: ["DELETE", "/users"], want: ["GET", "POST"] },
    { given: ["POST", "/products/changes"], want: ["GET"] },
  ])("$given.0 $given.1 → 405, Allow $want", ({ given, want }) => {
    expect(route(given[0]!, given[1]!)).toEqual({ kind: "method", allow: want });
  });

  it.each(["/", "/nope", "/users/", "/users/a/b", "//users", "/users/me/extra"])("%s → no operation", (path) => {
    expect(route("GET", path)).toEqual({ kind: "none" });
  });
});
