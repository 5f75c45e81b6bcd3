/**
 * Servers whose URL has `{variables}` (USPTO's `{scheme}://…`, a region or tenant in the host, a
 * version in the path). Given the spec's servers, want the model's variables (defaults, enums as
 * strings), and a generated client whose default base URL fills in the defaults (it was the
 * template, so every call failed) and whose `serverUrl()` fills in the caller's values, typed by the
 * spec (enum values only; a wrong index's variables rejected) and checked at run time — in the
 * .ts module and in the JavaScript + declarations form of very large specs.
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseServers } from "../../src/ir/servers.js";
import { serverUrlSource } from "../../src/emit/client/server-url.js";
import { valueLiteral } from "../../src/emit/inert.js";
import { generatedClient } from "../support/generated-client.js";
import { makeConsumer, typeCheck } from "../support/consumer.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();

const SERVERS: { url: string; variables?: Record<string, Record<string, unknown>> }[] = [
  { url: "{scheme}://developer.uspto.gov/ds-api", variables: { scheme: { description: "https or http */ not code", enum: ["https", "http"], default: "https" } } },
  { url: "https://{region}.api.example.com/{version}", variables: { region: { enum: ["us", "eu"], default: "us" }, version: { default: "v2" } } },
  { url: "https://{tenant}.example.com", variables: { tenant: { description: "no default: the caller names it" } } },
  { url: "https://plain.example.com" },
  { url: "https://{constructor}.example.com", variables: { constructor: { default: "x" } } },
  // Red Hat's converted specs: a basePath variable that starts with the slash the URL already has.
  { url: "https://cloud.example.com/{basePath}", variables: { basePath: { default: "/api/v1" } } },
];

describe("server variables", () => {
  it.each([
    ["a default and an enum", [SERVERS[0]], [{ url: SERVERS[0]!.url, variables: { scheme: { default: "https", enum: ["https", "http"], description: "https or http */ not code" } } }]],
    ["no default: the enum's first value", [{ url: "https://{v}.x", variables: { v: { enum: ["a", "b"] } } }], [{ url: "https://{v}.x", variables: { v: { default: "a", enum: ["a", "b"] } } }]],
    ["numbers become strings", [{ url: "https://x:{port}", variables: { port: { default: 8443, enum: [443, 8443] } } }], [{ url: "https://x:{port}", variables: { port: { default: "8443", enum: ["443", "8443"] } } }]],
    ["neither: no default", [{ url: "https://{t}.x", variables: { t: {} } }], [{ url: "https://{t}.x", variables: { t: {} } }]],
    ["no variables, and entries that are not objects", [{ url: "https://x" }, { url: "https://y", variables: { a: "b" } }, "z"], [{ url: "https://x" }, { url: "https://y" }]],
  ] as const)("model: %s", (_name, given, want) => {
    expect(parseServers(given)).toEqual(want);
  });

  it("the generated client: defaults as its base URL, serverUrl() typed by the spec and checked at run time", async () => {
    const root = scratch("server-url-");
    const consumer = makeConsumer(root);
    const get = { operationId: "getThing", responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } } };
    const { mod, done } = await generatedClient(root, { openapi: "3.1.0", info: { title: "t", version: "1" }, servers: SERVERS, paths: { "/things": { get } } }, "server-url");
    try {
      writeFileSync(
        join(root, "consumer.ts"),
        [
          `import { createApi, serverUrl, serverVariables } from "./out/client.gen.js";`,
          `export const a: string = serverUrl({ scheme: "http" });`,
          `export const b: string = serverUrl({ region: "eu" }, 1);`,
          `export const c: string = serverUrl({ tenant: "acme" }, 2);`,
          `export const d = createApi({ baseUrl: serverUrl({ version: "v3" }, 1) });`,
          `export const e: "https" = serverVariables[0].scheme.default;`,
          `// @ts-expect-error -- not a value of the enum`,
          `serverUrl({ scheme: "ftp" });`,
          `// @ts-expect-error -- server 0 has no region`,
          `serverUrl({ region: "eu" });`,
          `// @ts-expect-error -- tenant has no default, so it is required`,
          `serverUrl({}, 2);`,
        ].join("\n"),
      );
      await consumer;
      expect(await typeCheck(root, ["consumer.ts"])).toBe("");

      expect(mod.serverUrl()).toBe("https://developer.uspto.gov/ds-api");
      expect(mod.serverUrl({ scheme: "http" })).toBe("http://developer.uspto.gov/ds-api");
      expect(mod.serverUrl({ region: "eu" }, 1)).toBe("https://eu.api.example.com/v2");
      expect(mod.serverUrl({ tenant: "acme" }, 2)).toBe("https://acme.example.com");
      expect(mod.serverUrl(undefined, 3)).toBe("https://plain.example.com");
      expect(() => mod.serverUrl({ scheme: "ftp" })).toThrow(`serverUrl: "ftp" is not a value of the server variable "scheme" (https, http)`);
      expect(() => mod.serverUrl({}, 2)).toThrow(`serverUrl: the server variable "tenant" has no value (and the spec no default)`);
      // A name like an Object.prototype member reads nothing from the prototype (`{}.constructor` is Object).
      expect(mod.serverUrl(undefined, 4)).toBe("https://x.example.com");
      expect(mod.serverUrl({}, 4)).toBe("https://x.example.com");
      expect(mod.serverUrl(undefined, 5)).toBe("https://cloud.example.com/api/v1");
      expect(mod.serverUrl({ basePath: "v2" }, 5)).toBe("https://cloud.example.com/v2");

      const seen: string[] = [];
      const fetch = async (input: Request | URL | string) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return new Response("{}", { headers: { "content-type": "application/json" } });
      };
      await mod.createApi({ fetch }).getThing();
      await mod.createApi({ fetch, baseUrl: mod.serverUrl({ region: "eu" }, 1) }).getThing();
      expect(seen).toEqual(["https://developer.uspto.gov/ds-api/things", "https://eu.api.example.com/v2/things"]);
    } finally {
      done();
    }
  }, 300_000);

  it("the JavaScript and declaration forms (very large specs) agree with the .ts module", async () => {
    const root = scratch("server-url-forms-");
    const servers = parseServers(SERVERS);
    const head = (form: string) => `export const servers = ${valueLiteral(servers.map((s) => s.url))}${form === "ts" ? " as const" : ""};`;
    writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(join(root, "forms.js"), [head("js"), ...serverUrlSource(servers, "js")].join("\n"));
    writeFileSync(join(root, "forms.d.ts"), [`export declare const servers: readonly [${servers.map((s) => JSON.stringify(s.url)).join(", ")}];`, ...serverUrlSource(servers, "dts")].join("\n"));
    writeFileSync(join(root, "use.ts"), [`import { serverUrl } from "./forms.js";`, `export const x: string = serverUrl({ region: "eu" }, 1);`, `// @ts-expect-error -- enum`, `serverUrl({ scheme: "ftp" });`].join("\n"));
    expect(await typeCheck(root, ["use.ts", "forms.d.ts"])).toBe("");
    const mod = await import(join(root, "forms.js"));
    expect(mod.serverUrl({ region: "eu" }, 1)).toBe("https://eu.api.example.com/v2");
    expect(() => mod.serverUrl({ scheme: "ftp" })).toThrow(/not a value/);
  });

  it("an operation's own server (a path item's or the operation's): the generated client sends it there while the base URL is the spec's", async () => {
    const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };
    const { mod, done } = await generatedClient(
      scratch("op-server-"),
      {
        openapi: "3.0.3",
        info: { title: "t", version: "1" },
        servers: [{ url: "https://api.example.com/v1" }],
        paths: {
          "/files": { get: { operationId: "listFiles", responses: ok }, post: { operationId: "uploadFile", servers: [{ url: "https://files.example.com/v1" }], responses: ok } },
          "/assets": { servers: [{ url: "https://{host}/up", variables: { host: { default: "uploads.example.com" } } }], post: { operationId: "uploadAsset", responses: ok } },
          // The document's own server again: nothing to record.
          "/same": { servers: [{ url: "https://api.example.com/v1" }], get: { operationId: "same", responses: ok } },
        },
      },
      "op-server",
    );
    try {
      expect([mod.operationMeta.uploadFile.server, mod.operationMeta.uploadAsset.server, mod.operationMeta.same.server, mod.operationMeta.listFiles.server]).toEqual([
        "https://files.example.com/v1",
        "https://uploads.example.com/up",
        undefined,
        undefined,
      ]);
      const seen: string[] = [];
      const fetch = async (input: string) => (seen.push(input), new Response("{}", { headers: { "content-type": "application/json" } }));
      for (const options of [{ fetch }, { fetch, baseUrl: "https://api.example.com/v1" }, { fetch, baseUrl: "http://127.0.0.1:4010" }]) {
        const api = mod.createApi(options);
        await api.uploadFile();
        await api.uploadAsset();
        await api.listFiles();
      }
      expect(seen).toEqual([
        "https://files.example.com/v1/files",
        "https://uploads.example.com/up/assets",
        "https://api.example.com/v1/files",
        // The spec's default given explicitly is still the spec's own.
        "https://files.example.com/v1/files",
        "https://uploads.example.com/up/assets",
        "https://api.example.com/v1/files",
        // A base URL of the caller's (a Prism mock) serves everything.
        "http://127.0.0.1:4010/files",
        "http://127.0.0.1:4010/assets",
        "http://127.0.0.1:4010/files",
      ]);
    } finally {
      done();
    }
  }, 120_000);
});
