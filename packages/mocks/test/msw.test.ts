/** The generated MSW handlers, run through msw/node against the Platform API fixtures. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setupServer } from "msw/node";
import { createHandlers, errorHandlers, handlerFor, handlers, routes } from "../src/msw.js";
import { makeUser, responseFixtures } from "../src/index.js";

const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const documented = responseFixtures as unknown as Record<string, Record<string, Record<string, unknown>>>;
const url = (path: string, origin = "https://api.example.com/v1") => origin + path.replace(/:[A-Za-z0-9_]+/g, "3f2a9d7c");

async function body(res: Response): Promise<unknown> {
  const type = res.headers.get("content-type") ?? "";
  return /json/.test(type) ? res.json() : res.text();
}

describe("MSW handlers", () => {
  it("answer every operation with its first 2xx fixture, on any origin", async () => {
    for (const [id, route] of Object.entries(routes)) {
      const res = await fetch(url(route.path), { method: route.method.toUpperCase() });
      expect(res.status, id).toBe(Number(route.status));
      const media = documented[id]![route.status!]!;
      const [type] = Object.keys(media);
      if (type === undefined) continue;
      expect(res.headers.get("content-type"), id).toBe(type);
      if (/json/.test(type)) expect(await body(res), id).toEqual(media[type]);
    }
  });

  it("leave the app's own modules and assets, and other hosts' APIs, alone", async () => {
    const server2 = (u: string) => fetch(u).then((r) => r.status, () => "not intercepted");
    for (const u of ["http://localhost:5173/src/features/products/ProductCard.js", "http://localhost:5173/assets/users/me", "https://cdn.example.com/static/orders/logo.svg", "https://other.test/x/users/abc"]) {
      expect(await server2(u), u).toBe("not intercepted");
    }
    expect((await fetch("http://127.0.0.1:4010/users/me/")).status).toBe(200);
  });

  it("answer a documented status on demand, one operation or all of them", async () => {
    const route = routes.getUser;
    server.use(handlerFor("getUser", "404"));
    const res = await fetch(url(route.path));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(Object.values(documented.getUser!["404"]!)[0]);

    server.use(...errorHandlers(503));
    const down = await fetch(url(routes.listOrders.path));
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual(Object.values(documented.listOrders!["503"]!)[0]);
  });

  it("accept a body override and a pinned base URL", async () => {
    server.use(...createHandlers({ baseUrl: "https://pinned.example.com" }).slice(0, 0), handlerFor("getCurrentUser", "200", { baseUrl: "https://pinned.example.com", body: { data: makeUser({ name: "Grace" }) } }));
    const res = await fetch("https://pinned.example.com/users/me");
    expect(await res.json()).toMatchObject({ data: { name: "Grace" } });
  });

  it("stream text/event-stream fixtures as server-sent events", async () => {
    const res = await fetch(url(routes.streamCoachingChat.path));
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const chunks: string[] = [];
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk).toMatch(/^(id|event|data): [\s\S]*\n\n$/);
  });

  it("answer a request for a later page with an empty last page, so .all() ends", async () => {
    const first = (await (await fetch(url(routes.listOrders.path))).json()) as { data: unknown[]; meta: Record<string, unknown> };
    expect(first.data.length).toBeGreaterThan(0);
    const next = await (await fetch(url(routes.listOrders.path) + "?cursor=" + String(first.meta["next_cursor"]))).json();
    expect(next).toMatchObject({ data: [], meta: { has_more: false, next_cursor: null } });
    expect(await (await fetch(url(routes.listUsers.path) + "?page=2")).json()).toMatchObject({ data: [] });
  });

  it("answer 204 with no body", async () => {
    const res = await fetch(url(routes.deleteProduct.path), { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  it("accept multipart uploads (what Prism cannot validate)", async () => {
    const form = new FormData();
    form.set("file", new Blob(["%PDF-1.7"], { type: "application/pdf" }), "contract.pdf");
    const res = await fetch(url(routes.createUpload.path), { method: "POST", body: form });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual(documented.createUpload!["201"]!["application/json"]);
  });
});
