import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createApiCore } from "../src/client/api-core.js";
import { createRuntime, findLink, NotFoundError, paginate, PaginationError, parseLinkHeader, type PageRequest } from "../src/index.js";
import { useFaultServer } from "./helpers.js";

const ctx = useFaultServer();

interface Item {
  id: number;
  name: string;
}
interface ListBody {
  data: Item[];
  meta?: Record<string, unknown>;
}

/** A fetchPage the way generated code writes it: caller query merged with the paginator's. */
function fetcher(path: string, base: Record<string, string | number> = {}) {
  const rt = createRuntime({ baseUrl: ctx.url });
  const calls: PageRequest[] = [];
  const fetchPage = async (req: PageRequest) => {
    calls.push(req);
    const qs = new URLSearchParams(Object.entries({ ...base, ...req.query }).map(([k, v]) => [k, String(v)]));
    const response = await rt.fetch(`${path}?${qs}`);
    return { data: response.ok ? ((await response.json()) as ListBody) : undefined, error: response.ok ? undefined : await response.json(), response };
  };
  return { fetchPage, calls };
}

describe("paginate", () => {
  it("page style via meta.has_next", async () => {
    const { fetchPage, calls } = fetcher("/items/page", { total: 25 });
    const items = await paginate({ style: "page", fetchPage, pageSize: 10 }).toArray();
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(calls.map((c) => c.query)).toEqual([
      { limit: 10, page: 1 },
      { limit: 10, page: 2 },
      { limit: 10, page: 3 },
    ]);
  });

  it("page style via meta.pages", async () => {
    const { fetchPage, calls } = fetcher("/items/page", { total: 30, meta: "pages", limit: 10 });
    expect(await paginate({ style: "page", fetchPage }).toArray()).toHaveLength(30);
    expect(calls).toHaveLength(3);
  });

  it("cursor style via meta.next_cursor / has_more", async () => {
    const { fetchPage, calls } = fetcher("/items/cursor", { total: 23 });
    const items = await paginate({ style: "cursor", fetchPage, pageSize: 10 }).toArray();
    expect(items).toHaveLength(23);
    expect(calls.map((c) => c.query)).toEqual([{ limit: 10 }, { limit: 10, cursor: "10" }, { limit: 10, cursor: "20" }]);
  });

  it("link style follows rel=next with the next URL's params", async () => {
    const { fetchPage, calls } = fetcher("/items/link", { total: 25, limit: 10 });
    const pages = [];
    for await (const page of paginate({ style: "link", fetchPage }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([10, 10, 5]);
    expect(calls[1]!.url).toBe(`${ctx.url}/items/link?page=2&limit=10&total=25`);
    expect(calls[1]!.query).toEqual({ page: "2", limit: "10", total: "25" });
  });

  it("limit stops mid-page and maxPages stops after N pages", async () => {
    const a = fetcher("/items/cursor", { total: 100 });
    const items = await paginate({ style: "cursor", fetchPage: a.fetchPage, pageSize: 10, limit: 15 }).toArray();
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(a.calls).toHaveLength(2);
    const b = fetcher("/items/page", { total: 100 });
    expect(await paginate({ style: "page", fetchPage: b.fetchPage, pageSize: 10, maxPages: 3 }).toArray()).toHaveLength(30);
    expect(b.calls).toHaveLength(3);
  });

  it("is lazy: breaking out early fetches no further pages", async () => {
    const { fetchPage, calls } = fetcher("/items/page", { total: 1000 });
    for await (const item of paginate({ style: "page", fetchPage, pageSize: 10 })) {
      if (item.id === 3) break;
    }
    expect(calls).toHaveLength(1);
  });

  it("holds one page at a time (constant memory over a long listing)", async () => {
    // 200 pages through a generator: if pages were accumulated, earlier page objects would stay reachable.
    const refs: WeakRef<object>[] = [];
    let served = 0;
    const p = paginate<ListBody>({
      style: "cursor",
      fetchPage: async ({ query }) => {
        const start = Number(query["cursor"] ?? 0);
        served++;
        const body: ListBody = { data: Array.from({ length: 50 }, (_, i) => ({ id: start + i, name: "x".repeat(200) })), meta: { next_cursor: start + 50 < 10_000 ? String(start + 50) : null } };
        refs.push(new WeakRef(body));
        return { data: body, response: new Response(null, { status: 200 }) };
      },
    });
    let count = 0;
    for await (const _ of p) count++;
    expect(count).toBe(10_000);
    expect(served).toBe(200);
    // WeakRef targets stay alive until the current job ends, so yield to a macrotask before collecting.
    await new Promise((r) => setTimeout(r, 0));
    setFlagsFromString("--expose-gc");
    (runInNewContext("gc") as () => void)();
    expect(refs.filter((r) => r.deref() !== undefined).length).toBeLessThan(3);
  });

  it("takes a custom extractor for other envelopes", async () => {
    const p = paginate({
      style: "cursor",
      fetchPage: async ({ query }) => ({
        data: { results: [`r${query["cursor"] ?? 0}`], next: query["cursor"] ? null : "1" },
        response: new Response(null),
      }),
      extract: (body) => ({ items: body.results, meta: { next_cursor: body.next } }),
    });
    expect(await p.toArray()).toEqual(["r0", "r1"]);
  });

  it("throws the typed error for a failing page", async () => {
    const { fetchPage } = fetcher("/status/404");
    await expect(paginate({ style: "page", fetchPage }).toArray()).rejects.toBeInstanceOf(NotFoundError);
  });

  it("works on top of openapi-fetch with the runtime's fetch (generated-client shape)", async () => {
    type paths = {
      "/items/page": {
        get: {
          parameters: { query?: { page?: number; limit?: number; total?: number } };
          responses: { 200: { content: { "application/json": ListBody } } };
        };
      };
    };
    const runtime = createRuntime({ baseUrl: ctx.url });
    const client = createClient<paths>({ baseUrl: ctx.url, fetch: runtime.fetch });
    const all = paginate({
      style: "page",
      pageSize: 4,
      fetchPage: ({ query }) =>
        client.GET("/items/page", { params: { query: { total: 10, ...query } }, fetch: runtime.withCall({ tags: ["items"] }) }),
    });
    const ids: number[] = [];
    for await (const item of all) ids.push(item.id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe("Link header parsing (RFC 8288)", () => {
  it("handles multiple links, multiple rels, quoted commas and relative URLs", () => {
    const h = '<https://a/x?page=2>; rel="next last", </y?a=1,2>; title="a, b"; rel=prev, <z>; rel="NEXT"';
    const links = parseLinkHeader(h);
    expect(links.map((l) => l.rel)).toEqual([["next", "last"], ["prev"], ["next"]]);
    expect(links[1]!.url).toBe("/y?a=1,2");
    expect(links[1]!.params["title"]).toBe("a, b");
    expect(findLink(h, "prev", "https://base/p")).toBe("https://base/y?a=1,2");
    expect(findLink(h, "next")).toBe("https://a/x?page=2");
    expect(findLink(h, "first")).toBeUndefined();
    expect(parseLinkHeader("")).toEqual([]);
    expect(parseLinkHeader("garbage")).toEqual([]);
  });
});

describe("paginate without server hints", () => {
  it("page style stops at a short page, inferring the size from the first page", async () => {
    const sizes = [10, 10, 4, 10];
    let calls = 0;
    const p = paginate({
      style: "page",
      fetchPage: async ({ query }) => {
        calls++;
        return { data: { data: Array.from({ length: sizes[Number(query["page"]) - 1] ?? 0 }, () => 1) }, response: new Response() };
      },
    });
    expect(await p.toArray()).toHaveLength(24);
    expect(calls).toBe(3);
  });
});

describe("paginate against servers that never end a listing", () => {
  const drain = async (p: AsyncIterable<unknown>): Promise<{ items: number; error: unknown }> => {
    let items = 0;
    try {
      for await (const _ of p) items++;
    } catch (error) {
      return { items, error };
    }
    return { items, error: undefined };
  };

  it("a cursor cycle (A → B → A) throws PaginationError(cycle) before fetching a page twice", async () => {
    const { fetchPage, calls } = fetcher("/items/cycle");
    const { items, error } = await drain(paginate({ style: "cursor", fetchPage }));
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: "cycle" });
    expect((error as Error).message).toContain('"A"');
    expect(calls.map((c) => c.query["cursor"])).toEqual([undefined, "A", "B"]);
    expect(items).toBe(3);
  });

  it("a repeated cursor throws instead of stopping quietly after duplicates", async () => {
    const { fetchPage, calls } = fetcher("/items/repeat");
    const { error } = await drain(paginate({ style: "cursor", fetchPage }));
    expect(error).toMatchObject({ name: "PaginationError", reason: "cycle" });
    expect(calls).toHaveLength(2);
  });

  it("a Link rel=next cycle (page 2 → page 1 → page 2) throws PaginationError(cycle)", async () => {
    const { fetchPage, calls } = fetcher("/items/link-cycle");
    const { error } = await drain(paginate({ style: "link", fetchPage }));
    expect(error).toMatchObject({ name: "PaginationError", reason: "cycle" });
    expect(calls.map((c) => c.query["page"])).toEqual([undefined, "2", "1"]);
  });

  it("has_next: true forever stops at the page cap with PaginationError(cap)", async () => {
    const { fetchPage, calls } = fetcher("/items/endless");
    const { items, error } = await drain(paginate({ style: "page", fetchPage, pageCap: 25 }));
    expect(error).toMatchObject({ name: "PaginationError", reason: "cap" });
    expect(calls).toHaveLength(25);
    expect(items).toBe(50);
    // An explicit maxPages still stops quietly.
    expect(await drain(paginate({ style: "page", fetchPage, maxPages: 3 }))).toEqual({ items: 6, error: undefined });
  });

  it("the default cap is 1,000 pages", async () => {
    let calls = 0;
    const endless = paginate({ style: "page", fetchPage: async () => (calls++, { data: { data: [1], meta: { has_next: true } }, response: new Response() }) });
    const { error } = await drain(endless);
    expect(error).toMatchObject({ name: "PaginationError", reason: "cap" });
    expect(calls).toBe(1_000);
  });

  it("the generated client's .all() and .pages() throw the same typed errors", async () => {
    const api = createApiCore<Record<string, never>>({ baseUrl: ctx.url });
    const cycle = api.paginated({ id: "cycle", method: "get", path: "/items/cycle", pagination: "cursor" });
    expect((await drain(cycle.all())).error).toMatchObject({ name: "PaginationError", reason: "cycle" });
    const links = api.paginated({ id: "links", method: "get", path: "/items/link-cycle", pagination: "link" });
    expect((await drain(links.pages())).error).toMatchObject({ name: "PaginationError", reason: "cycle" });
    const endless = api.paginated({ id: "endless", method: "get", path: "/items/endless", pagination: "page" });
    expect((await drain(endless.all(undefined, { pageCap: 5 }))).error).toMatchObject({ name: "PaginationError", reason: "cap" });
  });
});

