import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { responseFixtures } from "@specforge/mocks";

type Fixtures = Record<string, Record<string, Record<string, unknown>>>;
const fixtures = responseFixtures as unknown as Fixtures;

interface Route {
  operation: string;
  method: string;
  pattern: RegExp;
  status: number;
  /** The body for the request; the fixture of the operation's status unless a route breaks it on purpose. */
  body?: (fixture: unknown) => unknown;
}

/** The one deliberate contract violation the conformance test must find, and only it. */
export const BROKEN = { operation: "getUser", status: 200, in: "response.body", pointer: "/data/role" } as const;

const uuid = "[0-9a-f-]{36}";
const routes: Route[] = [
  { operation: "listUsers", method: "GET", pattern: /^\/users$/, status: 200 },
  { operation: "createUser", method: "POST", pattern: /^\/users$/, status: 201 },
  {
    operation: "getUser",
    method: "GET",
    pattern: new RegExp(`^/users/${uuid}$`),
    status: 200,
    body: (fixture) => {
      const user = fixture as { data: Record<string, unknown> };
      return { ...user, data: { ...user.data, role: "superuser" } };
    },
  },
  { operation: "getProduct", method: "GET", pattern: new RegExp(`^/products/${uuid}$`), status: 200 },
  { operation: "deleteProduct", method: "DELETE", pattern: new RegExp(`^/products/${uuid}$`), status: 204 },
  { operation: "listTrendingApps", method: "GET", pattern: /^\/marketplace\/apps\/trending$/, status: 200 },
];

/** Operations the reference server implements (the others answer 404 and are not under test). */
export const implemented = routes.map((r) => r.operation);

let counter = 0;
/** The headers the spec requires on every success: request id and rate-limit state. */
export function contractHeaders(): Record<string, string> {
  counter += 1;
  return {
    "X-Request-Id": `req_ref${counter.toString(36)}`,
    "X-RateLimit-Limit": "1000",
    "X-RateLimit-Remaining": "999",
    "X-RateLimit-Reset": String(Math.floor(Date.now() / 1000) + 60),
  };
}

/** Answers an operation's request its own way instead of the fixture (a server broken on purpose); `unrouted` takes what no route matches. */
export type Deviation = (req: IncomingMessage, res: ServerResponse, fixture: unknown) => void;

function handle(req: IncomingMessage, res: ServerResponse, deviations: Record<string, Deviation>): void {
  const path = new URL(req.url ?? "/", "http://reference.invalid").pathname;
  const route = routes.find((r) => r.method === req.method && r.pattern.test(path));
  const deviate = route && deviations[route.operation];
  if (route && deviate) {
    req.resume();
    deviate(req, res, fixtures[route.operation]?.[String(route.status)]?.["application/json"]);
    return;
  }
  // The request body is not needed: Prism has validated it before forwarding.
  req.resume();
  if (!route && deviations.unrouted) {
    req.resume();
    deviations.unrouted(req, res, undefined);
    return;
  }
  if (!route) {
    res.writeHead(404, { "content-type": "application/json", ...contractHeaders() });
    res.end(JSON.stringify({ error: { code: "NOT_FOUND", message: `No route for ${req.method} ${path}` }, request_id: "req_ref404" }));
    return;
  }
  if (route.status === 204) {
    res.writeHead(204, contractHeaders()).end();
    return;
  }
  const fixture = fixtures[route.operation]?.[String(route.status)]?.["application/json"];
  res.writeHead(route.status, { "content-type": "application/json", ...contractHeaders() });
  res.end(JSON.stringify(route.body ? route.body(fixture) : fixture));
}

/**
 * A stand-in for a real implementation of the API: a handful of operations answering the mocks'
 * fixtures (valid by construction), one of them deliberately wrong (BROKEN).
 */
export async function startReferenceServer(deviations: Record<string, Deviation> = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => handle(req, res, deviations));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
