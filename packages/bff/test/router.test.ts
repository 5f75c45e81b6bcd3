import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { operationMeta, type OperationMeta } from "@specforge/client";
import { describe, expect, it } from "vitest";
import { createRouter } from "../src/index.js";
import { API_KEY, startBff, USER_ID } from "./helpers.js";

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

describe("router: only exposed operations are visible", () => {
  const exposed = new Set(["listUsers", "getUser"]);
  const visible = createRouter(Object.values(operationMeta) as OperationMeta[], (meta) => exposed.has(meta.id));

  it.each([
    // A path whose every operation is hidden is no path at all, whatever the method.
    { given: ["GET", "/profiles"], want: { kind: "none" } },
    { given: ["DELETE", "/profiles"], want: { kind: "none" } },
    { given: ["DELETE", "/webhooks/subscriptions"], want: { kind: "none" } },
    // Allow names only the exposed methods; a hidden method answers like one the API lacks.
    { given: ["POST", "/users/abc"], want: { kind: "method", allow: ["GET"] } },
    { given: ["PUT", "/users/abc"], want: { kind: "method", allow: ["GET"] } },
    { given: ["POST", "/users"], want: { kind: "method", allow: ["GET"] } },
    { given: ["DELETE", "/users"], want: { kind: "method", allow: ["GET"] } },
  ])("$given.0 $given.1 → $want.kind $want.allow", ({ given, want }) => {
    expect(visible(given[0]!, given[1]!)).toEqual(want);
  });

  it("through the proxy: 404 for a path with nothing exposed, 405 with only exposed methods in Allow; nothing reaches the API", async () => {
    const seen: string[] = [];
    const api = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "content-type": "application/json" }).end('{"data":[]}');
    });
    await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
    try {
      const bff = await startBff({ upstream: { url: `http://127.0.0.1:${(api.address() as AddressInfo).port}`, auth: { apiKey: API_KEY }, retry: false, circuitBreaker: false }, operations: ["listUsers", "getUser"], rateLimit: false, clients: { required: false } });
      for (const [method, path] of [["GET", "/api/profiles"], ["DELETE", "/api/profiles"], ["DELETE", "/api/webhooks/subscriptions"]] as const) {
        const r = await bff.call(path, { method });
        expect(r.status, `${method} ${path}`).toBe(404);
        expect(r.headers["allow"]).toBeUndefined();
      }
      for (const method of ["POST", "PUT", "PATCH"]) {
        const r = await bff.call(`/api/users/${USER_ID}`, { method, headers: { "content-type": "application/json" }, body: "{}" });
        expect(r.status, method).toBe(405);
        expect(r.headers["allow"], method).toBe("GET");
      }
      expect(seen).toEqual([]);
    } finally {
      api.closeAllConnections();
      api.close();
    }
  });
});
