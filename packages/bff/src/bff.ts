import { randomUUID } from "node:crypto";
import { operationMeta, type OperationMeta } from "@specforge/client";
import { AbortError, type Runtime } from "@specforge/runtime";
import { operations as operationSchemas } from "@specforge/zod";
import { BodyError, mediaTypeOf, parseBody, readBody, selectMediaType } from "./body.js";
import { BffConfigError, configProblems } from "./check-config.js";
import { createIdentifier } from "./client-id.js";
import { DEFAULT_FORWARD_HEADERS, DEFAULTS, type BffConfig } from "./config.js";
import { createCors, varyHeader } from "./cors.js";
import { errorReply } from "./envelope.js";
import { fromRequest, toResponse, type Incoming, type Reply } from "./exchange.js";
import { redactingLogger, type Logger } from "./logger.js";
import { healthReply } from "./health.js";
import { scopedIdempotencyKey } from "./idempotency-scope.js";
import { rateLimitHeaders } from "./rate-limit.js";
import { normalizeError, passThrough, thrownError, type RespondContext } from "./respond.js";
import { createRouter } from "./router.js";
import { SecretSet } from "./secrets.js";
import { createStores } from "./shared-stores.js";
import { StoreUnavailableError } from "./store-unavailable.js";
import { operationCallOptions } from "@specforge/runtime/client";
import { createUpstream, upstreamUrl, addKeys, addBasic } from "./upstream.js";
import { validateRequest, type RequestSchemas, type ZodLike } from "./validate.js";
import { createWebhookReceiver } from "./webhook.js";

/** What the hosting server knows about the connection (the node entry fills it). */
export interface ClientInfo {
  /** Peer address; keys the rate limit of anonymous callers. */
  remoteAddress?: string;
}

export interface Bff {
  /** The standard fetch handler: `(Request) => Promise<Response>`. Never rejects. */
  fetch(request: Request, info?: ClientInfo): Promise<Response>;
  /** The same without Request/Response objects; what the node entry calls. */
  handle(incoming: Incoming): Promise<Reply>;
  /** Resolves once every webhook handler started so far has settled. */
  idle(): Promise<void>;
  /** Resolves once the shared stores are connected, or their connect timeout passed (then the failure policy applies). Never rejects. */
  ready(): Promise<void>;
  /** Waits for webhook handlers, then closes the Redis connection (serveNode's close calls it). */
  close(): Promise<void>;
  /** The runtime talking to the API (circuit state, cache, rate-limit headers seen). */
  readonly runtime: Runtime;
  readonly config: Readonly<BffConfig>;
}

/** Incoming ids are kept (so a trace spans browser, proxy and API) only when they are plain tokens. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The backend-for-frontend: browser apps call `<basePath>/<API path>`; the proxy checks origin,
 * identity, rate limit and the request against the spec, then calls the API through the runtime
 * with the server-side credentials, and answers with the API's response or an error in the API's
 * format (api-formats.ts). Throws BffConfigError on a bad config.
 */
export function createBff(config: BffConfig): Bff {
  const problems = configProblems(config);
  if (problems.length) throw new BffConfigError(problems);
  const now = config.now ?? Date.now;
  const secrets = new SecretSet([config.upstream.auth.apiKey, config.upstream.auth.bearer, config.upstream.auth.basic?.password, ...Object.values(config.upstream.auth.apiKeys ?? {}), config.upstream.auth.oauth?.clientSecret, config.webhook?.secret, redisPassword(config.redis?.url)]);
  const log: Logger | undefined = redactingLogger(config.logger, secrets);
  const stores = createStores(config, log);
  const { runtime, options: apiOptions, keys, basic } = createUpstream(config.upstream, secrets, log);
  const exposed = new Set<string>(config.operations);
  const route = createRouter(Object.values(operationMeta) as OperationMeta[], (meta) => exposed.has(meta.id));
  const basePath = config.basePath ?? DEFAULTS.basePath;
  const forward = [...new Set([...DEFAULT_FORWARD_HEADERS, ...(config.forwardHeaders ?? []).map((h) => h.toLowerCase())])];
  const identifier = createIdentifier(config.clients);
  // Widened: for a spec without operations (only webhooks) the ids are `never`, and so is the entry.
  const metaById: Record<string, OperationMeta> = operationMeta;
  const methods = [...new Set(config.operations.map((id) => metaById[id]!.method.toUpperCase()))];
  const totalMs = config.upstream.totalTimeoutMs ?? DEFAULTS.totalTimeoutMs;
  const cors = createCors(config.cors, methods, [...forward, identifier.header, "x-request-id", "cache-control"]);
  const limit = stores.rateLimit && config.rateLimit !== false && { limit: config.rateLimit?.limit ?? DEFAULTS.rateLimit.limit, windowMs: config.rateLimit?.windowMs ?? DEFAULTS.rateLimit.windowMs, store: stores.rateLimit };
  const webhook = config.webhook ? createWebhookReceiver(stores.webhook ? { ...config.webhook, store: stores.webhook } : config.webhook, log, now, stores.rateLimit) : undefined;
  const healthPath = config.health === false ? undefined : (config.health?.path ?? DEFAULTS.healthPath);
  // The breaker keys circuits by origin as written (scheme://host[:port], lowercased), like the runtime.
  const upstreamOrigin = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(config.upstream.url)?.[0].toLowerCase() ?? config.upstream.url;
  const circuit = runtime.circuitBreaker && (() => runtime.circuitBreaker!.state(upstreamOrigin));
  const validate = config.validate ?? true;
  const maxBody = config.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const schemas = operationSchemas as unknown as Record<string, { request: RequestSchemas; responses: Record<string, Record<string, ZodLike>> }>;

  async function proxy(incoming: Incoming, requestId: string, extra: Record<string, string>, entry: Record<string, unknown>): Promise<Reply> {
    const { method, url } = incoming;
    const who = await identifier.identify(incoming);
    if (!who.ok) return errorReply(who.status, who.message, requestId);
    if (who.clientId) entry.clientId = who.clientId;
    if (limit) {
      const t = now();
      let r;
      try {
        r = await limit.store.hit(who.key, t, limit.limit, limit.windowMs);
      } catch (e) {
        if (!(e instanceof StoreUnavailableError)) throw e;
        entry.error = e;
        return errorReply(503, "Rate limiting is unavailable; try again shortly", requestId, { headers: { "retry-after": String(DEFAULTS.storeRetryAfterSec) } });
      }
      Object.assign(extra, rateLimitHeaders(r, t));
      if (!r.allowed) return errorReply(429, `Rate limit of ${limit.limit} requests per ${limit.windowMs / 1000} s exceeded`, requestId);
    }
    const match = route(method, url.pathname.slice(basePath.length) || "/");
    if (match.kind === "none") return errorReply(404, "No such operation", requestId);
    if (match.kind === "method") {
      const allow = match.allow.join(", ");
      return errorReply(405, `Method ${method} not allowed here`, requestId, { headers: { allow } });
    }
    const { meta } = match;
    entry.operationId = meta.id;
    const params: Record<string, string> = {};
    try {
      for (const [k, v] of Object.entries(match.params)) params[k] = decodeURIComponent(v);
    } catch {
      return errorReply(400, "Malformed percent-encoding in the path", requestId);
    }

    const op = schemas[meta.id]!;
    const declared = Object.keys(op.request.body ?? {});
    const headers = new Headers();
    // Headers the client names in Connection are for this hop only (RFC 9110 §7.6.1).
    const hop = (incoming.headers.get("connection") ?? "").toLowerCase().split(",").map((t) => t.trim());
    for (const name of forward) {
      const v = incoming.headers.get(name);
      if (v !== null && !hop.includes(name)) headers.set(name, v);
    }
    headers.set("x-request-id", requestId);
    // Keys the browser sent, scoped to it once validated (below).
    const sentKeys = [...new Set([meta.idempotencyHeader?.toLowerCase(), "idempotency-key"])].filter((n): n is string => !!n && headers.has(n));
    // A key made here (not by the runtime) is validated like a browser's and reused on every retry.
    if (meta.idempotencyHeader && !headers.has(meta.idempotencyHeader)) headers.set(meta.idempotencyHeader, randomUUID());

    let body: Uint8Array<ArrayBuffer> | undefined;
    let parsed: unknown;
    let mediaType: string | undefined;
    try {
      body = declared.length > 0 ? await readBody(incoming.body, incoming.headers, maxBody) : undefined;
    } catch (e) {
      if (e instanceof BodyError) return errorReply(e.status, e.message, requestId);
      // The browser's upload broke off (it went away or reset): nobody reads this, the log says 499.
      entry.error = e;
      return errorReply(499, "Request aborted by the client", requestId, { code: "BAD_REQUEST" });
    }
    try {
      if (body) {
        const contentType = incoming.headers.get("content-type");
        mediaType = selectMediaType(mediaTypeOf(contentType), declared);
        if (!mediaType) return errorReply(415, `Content-Type must be one of: ${declared.join(", ")}`, requestId);
        if (validate) parsed = await parseBody(body, mediaType, contentType ?? "");
      }
    } catch (e) {
      if (e instanceof BodyError) return errorReply(e.status, e.message, requestId, e.details ? { details: e.details } : {});
      throw e;
    }
    if (validate) {
      const failure = validateRequest(op.request, { params, query: url.searchParams, headers, body: parsed, ...(mediaType ? { mediaType } : {}) }, "422" in op.responses ? 422 : 400);
      if (failure) {
        return errorReply(failure.status, failure.status === 422 ? "The request body is invalid" : "The request parameters are invalid", requestId, {
          code: failure.status === 422 ? "VALIDATION_ERROR" : "BAD_REQUEST",
          details: failure.details,
        });
      }
    }

    // One API credential serves every browser: a key sent as is would share one key space among them.
    // Anonymous callers (identified by address) share one: a retry from a new address (Wi-Fi to
    // cellular) must still reach the API as the same key.
    const scope = who.key.startsWith("ip:") ? "anonymous" : who.key;
    for (const name of sentKeys) headers.set(name, scopedIdempotencyKey(scope, headers.get(name)!));

    const call = operationCallOptions(meta, apiOptions);
    if (incoming.signal) call.signal = incoming.signal;
    if (/no-cache|no-store/i.test(incoming.headers.get("cache-control") ?? "")) call.cache = false;
    // A browser's own credentials (forwardHeaders: ["authorization"]) make its answers its own: never shared.
    if (headers.has("authorization") || headers.has("cookie")) call.cache = false;
    const target = addKeys(upstreamUrl(config.upstream.url, meta, params, url.search), headers, keys, meta, call.auth);
    // The upstream's total timeout covers a body read whole here too (the runtime's stops at the headers).
    const deadline = totalMs > 0 ? Date.now() + totalMs : undefined;
    const ctx: RespondContext = { requestId, secrets, upstreamBase: config.upstream.url, basePath, responses: op.responses, ...(deadline ? { deadline } : {}) };
    // A streamed body that fails after its status went out: the browser's connection is cut, and
    // this line records it (the request's own line already said 200).
    ctx.onBodyError = (error) => {
      const byClient = incoming.signal?.aborted === true;
      log?.[byClient ? "info" : "error"]?.("bff.response_cut", { requestId, operationId: meta.id, status: entry.upstreamStatus, by: byClient ? "client" : "upstream", error });
    };
    let upstream: Response;
    try {
      // Redirects go to the browser (Location rewritten onto the mount path when it is the API's own):
      // fetch following them here would carry the key header to any origin a Location names.
      upstream = await runtime.withCall(call)(target, { method, headers: addBasic(headers, basic, call.auth), redirect: "manual", ...(body ? { body } : {}) });
    } catch (e) {
      entry.error = e;
      return thrownError(e, requestId, now());
    }
    entry.upstreamStatus = upstream.status;
    if (upstream.status < 400) {
      try {
        return await passThrough(upstream, ctx);
      } catch (e) {
        // The body broke off while read here: the API's fault (502), or the browser's if it left (499).
        const err = incoming.signal?.aborted ? new AbortError("Request aborted by the client", { cause: e }) : e;
        entry.error = err;
        return thrownError(err, requestId, now());
      }
    }
    return normalizeError(upstream, ctx, (err) => (entry.error = err));
  }

  async function handle(incoming: Incoming): Promise<Reply> {
    const started = performance.now();
    const sent = incoming.headers.get("x-request-id");
    const requestId = sent && REQUEST_ID.test(sent) ? sent : randomUUID();
    const entry: Record<string, unknown> = { requestId, method: incoming.method, path: incoming.url.pathname };
    let reply: Reply;
    try {
      if (webhook && incoming.url.pathname === webhook.path) reply = await webhook.handle(incoming, requestId);
      else if (incoming.url.pathname === healthPath) reply = healthReply(incoming.method, stores, requestId, circuit);
      else reply = await api(incoming, requestId, entry);
    } catch (e) {
      entry.error = e;
      reply = errorReply(500, "Internal error", requestId);
    }
    entry.status = reply.status;
    entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
    log?.[reply.status >= 500 ? "error" : "info"]?.("bff.request", entry);
    return reply;
  }

  /** CORS around everything under the mount path, errors included, so browsers can read them. */
  async function api(incoming: Incoming, requestId: string, entry: Record<string, unknown>): Promise<Reply> {
    const origin = incoming.headers.get("origin");
    const allowed = cors.allowed(origin);
    const preflight = incoming.method === "OPTIONS" && incoming.headers.has("access-control-request-method");
    const extra: Record<string, string> = { vary: varyHeader(preflight), "x-content-type-options": "nosniff" };
    const path = incoming.url.pathname;
    const inMount = path === basePath || path.startsWith(`${basePath}/`);
    let reply: Reply;
    if (origin !== null && !allowed) {
      entry.origin = origin;
      reply = cors.rejectOthers || preflight ? errorReply(403, "Origin not allowed", requestId) : inMount ? await proxy(incoming, requestId, extra, entry) : errorReply(404, "Not found", requestId);
    } else if (preflight && allowed) {
      reply = { status: 204, headers: new Headers({ ...cors.preflight(allowed), "x-request-id": requestId }), body: null };
    } else {
      reply = inMount ? await proxy(incoming, requestId, extra, entry) : errorReply(404, "Not found", requestId);
      if (allowed) Object.assign(extra, cors.headers(allowed));
    }
    for (const [k, v] of Object.entries(extra)) reply.headers.set(k, v);
    return reply;
  }

  return {
    fetch: async (request, info) => toResponse(await handle(fromRequest(request, info?.remoteAddress))),
    handle,
    idle: () => webhook?.idle() ?? Promise.resolve(),
    ready: () => stores.ready(),
    async close() {
      await webhook?.idle();
      await stores.close();
    },
    runtime,
    config,
  };
}

/** The password of a Redis URL, scrubbed from every output like the other credentials. */
function redisPassword(url: string | undefined): string | undefined {
  try {
    return url ? decodeURIComponent(new URL(url).password) || undefined : undefined;
  } catch {
    return undefined;
  }
}
