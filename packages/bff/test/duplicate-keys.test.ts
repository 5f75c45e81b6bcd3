import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { findDuplicateKey } from "../src/json-duplicates.js";
import { API_KEY, startBff } from "./helpers.js";

describe("findDuplicateKey: the JSON pointer of the first repeated key", () => {
  it.each([
    { given: '{"role":"superuser","role":"member"}', want: "/role" },
    { given: '{"a":1,"b":2,"c":3}', want: undefined },
    // Escapes decode before comparing: \u006f is "o".
    { given: '{"role":"superuser","r\\u006fle":"member"}', want: "/role" },
    { given: '{"a\\"b":1,"a\\u0022b":2}', want: '/a"b' },
    { given: '{"a\\\\":1,"a\\u005c":2}', want: "/a\\" },
    // Nesting: the path to the object holding the repeat.
    { given: '{"user":{"name":"x","name":"y"}}', want: "/user/name" },
    { given: '{"items":[{"sku":"a"},{"sku":"b","qty":1,"qty":2}]}', want: "/items/1/qty" },
    { given: '[[1,2],[{"a":1},{"a":1,"a":2}]]', want: "/1/1/a" },
    // Same key in different objects, or a key inside a string value, is no repeat.
    { given: '{"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":2}]}', want: undefined },
    { given: '{"note":"\\"role\\":1, \\"role\\":2","role":"member"}', want: undefined },
    { given: '{"note":"{\\"a\\":1,\\"a\\":2}"}', want: undefined },
    { given: '{"k":"ends in a backslash \\\\","k2":"[{,"}', want: undefined },
    { given: '{"a":[],"b":{},"a":null}', want: "/a" },
    // A pointer escapes "~" and "/" (RFC 6901).
    { given: '{"x/y~":{"p":1,"p":2}}', want: "/x~1y~0/p" },
    { given: ' { "a" : 1 , "a" : 2 } ', want: "/a" },
    { given: '"just a string"', want: undefined },
    { given: "42", want: undefined },
  ])("$given → $want", ({ given, want }) => {
    JSON.parse(given);
    expect(findDuplicateKey(given)).toBe(want);
  });

  it("is linear: a 1 MiB body of many objects is scanned in well under a second", () => {
    const body = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `n\\"${i}`, tags: ["a", "b"], nested: { k: "v" } })));
    const started = performance.now();
    expect(findDuplicateKey(body)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("a JSON body with a repeated key", () => {
  const seen: IncomingMessage[] = [];
  const api = createServer((req, res) => {
    seen.push(req);
    req.resume();
    res.writeHead(201, { "content-type": "application/json" }).end('{"data":{}}');
  });
  afterAll(() => {
    api.closeAllConnections();
    api.close();
  });

  it("is refused with 400 naming the key's pointer, and nothing reaches the API", async () => {
    await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
    const bff = await startBff({
      upstream: { url: `http://127.0.0.1:${(api.address() as AddressInfo).port}`, auth: { apiKey: API_KEY }, retry: false, circuitBreaker: false },
      operations: ["createUser"],
      rateLimit: false,
      clients: { required: false },
    });
    const post = (body: string) => bff.call("/api/users", { method: "POST", headers: { "content-type": "application/json" }, body });
    const fields = '"email":"grace.hopper@example.com","name":"Grace Hopper","password":"correct-horse-battery-staple"';
    const r = await post(`{${fields},"role":"superuser","role":"member","active":true}`);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("BAD_REQUEST");
    expect(r.json.error.message).toContain("/role");
    expect(r.json.error.details).toEqual([{ field: "/role", message: expect.stringContaining("more than once") }]);
    const escaped = await post(`{${fields},"role":"superuser","r\\u006fle":"member"}`);
    expect(escaped.status).toBe(400);
    expect(escaped.json.error.details[0].field).toBe("/role");
    expect(seen).toHaveLength(0);
    // The same body with the key once goes through.
    expect((await post(`{${fields},"role":"member","active":true}`)).status).toBe(201);
    expect(seen).toHaveLength(1);
  });
});
