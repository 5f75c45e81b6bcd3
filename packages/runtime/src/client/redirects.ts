import { ConnectionError } from "../errors/index.js";
import { send, type ReadBody, type RuntimeState } from "../execute.js";
import { REDACTED } from "../logger.js";
import { prepare, type Prepared } from "../request.js";
import type { CallOptions as RuntimeCallOptions } from "../options.js";

/**
 * Redirects of a call that carries an API key in a header of its own (X-API-Key, DD-API-KEY, a
 * Cookie). fetch follows redirects itself and, on a redirect to another origin, drops only
 * Authorization: the key would go to whatever host the Location names. Such calls ask fetch for
 * `redirect: "manual"` (outside browsers, where it yields the 3xx itself) and follow here, as
 * fetch would, but to another origin without credentials.
 */
class Hop {
  constructor(readonly response: Response) {}
}

/** Statuses fetch follows. */
const FOLLOWED = new Set([301, 302, 303, 307, 308]);
/** fetch's limit. */
const MAX_HOPS = 20;

function isHop(response: Response): boolean {
  return FOLLOWED.has(response.status) && response.headers.has("location");
}

/**
 * The next request after a redirect (a Prepared body is never a stream, so it can be sent again). 303, and 301/302 after a POST, become a GET without a body, as in fetch;
 * to another origin, every header the logs hide (credentials) is dropped and no credentials are added.
 */
function nextHop(
  response: Response,
  p: Prepared,
  call: RuntimeCallOptions,
  secret: (headers: Headers) => Record<string, string>,
  count: number,
): { p: Prepared; call: RuntimeCallOptions } {
  if (count >= MAX_HOPS) throw new ConnectionError(`Fetch refused: redirect count exceeded (${MAX_HOPS})`, { requestId: p.headers.get("x-request-id") ?? undefined, retryable: false } as never);
  const next = new URL(response.headers.get("location")!, p.url);
  const headers = new Headers(p.headers);
  let { method, body } = p;
  if ((response.status === 303 && method !== "HEAD") || (response.status < 303 && method === "POST")) {
    method = "GET";
    body = undefined;
    for (const name of ["content-type", "content-length", "content-encoding", "content-language", "content-location"]) headers.delete(name);
  }
  if (next.origin === new URL(p.url).origin) return { p: { ...p, url: next.href, method, headers, body }, call };
  const shown = secret(headers);
  for (const name in shown) if (shown[name] === REDACTED) headers.delete(name);
  return { p: { ...p, url: next.href, method, headers, body }, call: { ...call, auth: false } };
}

/** send, following each redirect as fetch would, but to another origin without credentials. */
export async function following(state: RuntimeState, p: Prepared, c: RuntimeCallOptions, read: ReadBody<unknown> | undefined): Promise<unknown> {
  const step: ReadBody<unknown> | undefined = read && ((res, bytes) => (isHop(res) ? new Hop(res) : read(res, bytes)));
  for (let n = 0; ; n++) {
    const out = await send(state, p, c, step);
    const hop = out instanceof Hop ? out.response : !read && isHop(out as Response) ? (out as Response) : undefined;
    if (!hop) return out;
    if (!read) await hop.body?.cancel();
    ({ p, call: c } = nextHop(hop, p, c, state.redact.headers, n));
  }
}

/**
 * `api.raw`'s fetch where calls carry a key header: the runtime's fetch (`runtime.fetch` with no call
 * options), following redirects here like the operation methods. openapi-fetch hands over a Request,
 * whose `redirect` reads "follow" unless the call chose "manual" or "error"; those are left to fetch.
 */
export function guardedFetch(state: RuntimeState): (input: Request | string | URL, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const p = await prepare(state.baseUrl, input, init);
    const chosen = p.passthrough.redirect;
    if (chosen !== undefined && chosen !== "follow") return send<Response>(state, p, {});
    return following(state, { ...p, passthrough: { ...p.passthrough, redirect: "manual" } }, {}, undefined) as Promise<Response>;
  };
}
