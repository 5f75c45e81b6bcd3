/**
 * The spec's apiKey scheme decides where the generated client sends `auth: { apiKey }`: its header
 * (not always X-API-Key), its query parameter or its cookie. Given a spec with one, want the
 * operations that accept it marked (`credentials: ["apiKey"]`, whatever `in` is), and the
 * generated client sending the key where the spec says, through the runtime.
 */
import { describe, expect, it } from "vitest";
import { generatedClient } from "../support/generated-client.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };

const clientFor = (scheme: object, tag: string) =>
  generatedClient(
    scratch("api-key-"),
    {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      servers: [{ url: "https://api.example.com" }],
      security: [{ key: [] }],
      paths: { "/things": { get: { operationId: "getThing", responses: ok } }, "/health": { get: { operationId: "health", security: [], responses: ok } } },
      components: { securitySchemes: { key: scheme } },
    },
    `api-key-${tag}`,
  );

describe("API keys where the spec puts them", () => {
  it.each([
    ["header", { type: "apiKey", in: "header", name: "Ocp-Apim-Subscription-Key" }, "https://api.example.com/things", { "ocp-apim-subscription-key": "k1" }],
    ["query", { type: "apiKey", in: "query", name: "key" }, "https://api.example.com/things?key=k1", {}],
    ["cookie", { type: "apiKey", in: "cookie", name: "sid" }, "https://api.example.com/things", { cookie: "sid=k1" }],
  ] as const)("in: %s", async (where, scheme, url, headers) => {
    const { source, mod, done } = await clientFor(scheme, where);
    try {
      const at = `{ in: "${where}", name: "${scheme.name}" }`;
      expect(source).toContain(`{ apiKey: ${at}, apiKeys: { key: ${at} } });`);
      expect(mod.operationMeta.getThing.credentials).toEqual(["apiKey"]);
      const sent: { url: string; headers: Record<string, string> }[] = [];
      const fetch = async (input: string, init: RequestInit) => {
        sent.push({ url: input, headers: Object.fromEntries(new Headers(init.headers)) });
        return new Response("{}", { headers: { "content-type": "application/json" } });
      };
      const api = mod.createApi({ fetch, requestIdHeader: false, auth: { apiKey: "k1" } });
      await api.getThing();
      await api.health();
      expect(sent[0]).toEqual({ url, headers });
      // A public operation (security: []) gets no key anywhere.
      expect(sent[1]).toEqual({ url: "https://api.example.com/health", headers: {} });
    } finally {
      done();
    }
  }, 120_000);

  it("several apiKey schemes (Trello's key and token): auth.apiKeys sends each by its scheme name where the operation's security names it", async () => {
    const { mod, done } = await generatedClient(
      scratch("api-keys-"),
      {
        openapi: "3.0.3",
        info: { title: "t", version: "1" },
        servers: [{ url: "https://api.trello.example" }],
        security: [{ APIKey: [], APIToken: [] }],
        paths: {
          "/boards/{id}": { get: { operationId: "getBoard", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: ok } },
          "/tokens": { get: { operationId: "listTokens", security: [{ APIToken: [] }], responses: ok } },
        },
        components: { securitySchemes: { APIKey: { type: "apiKey", in: "query", name: "key" }, APIToken: { type: "apiKey", in: "query", name: "token" } } },
      },
      "api-keys",
    );
    try {
      const sent: string[] = [];
      const fetch = async (url: string) => (sent.push(url), new Response("{}", { headers: { "content-type": "application/json" } }));
      const api = mod.createApi({ fetch, auth: { apiKeys: { APIKey: "k1", APIToken: "t1" } } });
      await api.getBoard({ params: { path: { id: "b1" } } });
      await api.listTokens();
      expect(sent).toEqual(["https://api.trello.example/boards/b1?key=k1&token=t1", "https://api.trello.example/tokens?token=t1"]);
      expect(() => mod.createApi({ fetch, auth: { apiKeys: { Key: "k1" } } })).toThrow("auth.apiKeys.Key: the spec has no apiKey security scheme of that name (it has: APIKey, APIToken)");
    } finally {
      done();
    }
  }, 120_000);

  it("securitySchemes carries an OAuth scheme's flows (endpoints, scope names) and an OpenID Connect URL, for clientCredentials({ tokenUrl })", async () => {
    const oauth = {
      type: "oauth2",
      description: "not exported",
      flows: { clientCredentials: { tokenUrl: "https://auth.example.com/token", scopes: { "read:things": "Read things", "write:things": "Write them" } } },
    };
    const { mod, done } = await generatedClient(
      scratch("oauth-"),
      {
        openapi: "3.0.3",
        info: { title: "t", version: "1" },
        paths: { "/things": { get: { operationId: "getThing", security: [{ oauth: ["read:things"] }], responses: ok } } },
        components: { securitySchemes: { oauth, oidc: { type: "openIdConnect", openIdConnectUrl: "https://auth.example.com/.well-known/openid-configuration" } } },
      },
      "oauth",
    );
    try {
      expect(mod.securitySchemes).toEqual({
        oauth: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://auth.example.com/token", scopes: ["read:things", "write:things"] } } },
        oidc: { type: "openIdConnect", openIdConnectUrl: "https://auth.example.com/.well-known/openid-configuration" },
      });
    } finally {
      done();
    }
  }, 120_000);

  it("a spec that declares no security at all (GitHub's) still gets the configured credentials; an operation's explicit security: [] does not", async () => {
    const { mod, done } = await generatedClient(
      scratch("no-security-"),
      {
        openapi: "3.0.3",
        info: { title: "t", version: "1" },
        servers: [{ url: "https://api.example.com" }],
        paths: { "/repos": { get: { operationId: "getRepo", responses: ok } }, "/zen": { get: { operationId: "zen", security: [], responses: ok } } },
      },
      "no-security",
    );
    try {
      expect(mod.operationMeta.getRepo.security).toBeUndefined();
      expect(mod.operationMeta.zen.security).toEqual([]);
      const sent: (string | null)[] = [];
      const fetch = async (_url: string, init: RequestInit) => (sent.push(new Headers(init.headers).get("authorization")), new Response("{}", { headers: { "content-type": "application/json" } }));
      const api = mod.createApi({ fetch, auth: { bearer: "ghp_token" } });
      await api.getRepo();
      await api.zen();
      expect(sent).toEqual(["Bearer ghp_token", null]);
    } finally {
      done();
    }
  }, 120_000);
});
