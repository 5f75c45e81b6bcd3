import { randomUUID } from "node:crypto";
import { operationMeta, type OperationMeta } from "@specforge/client";
import type { Runtime } from "@specforge/runtime";
import { operations as operationSchemas } from "@specforge/zod";
import { BodyError, mediaTypeOf, parseBody, readBody, selectMediaType } from "./body.js";
import { BffConfigError, configProblems } from "./check-config.js";
import { createIdentifier } from "./client-id.js";
import { DEFAULT_FORWARD_HEADERS, DEFAULTS, type BffConfig } from "./config.js";
import { createCors, varyHeader } from "./cors.js";
import { errorResponse } from "./envelope.js";
import { redactingLogger, type Logger } from "./logger.js";
import { rateLimitHeaders, SlidingWindowStore } from "./rate-limit.js";
import { normalizeError, passThrough, thrownError, type RespondContext } from "./respond.js";
import { createRouter } from "./router.js";
import { SecretSet } from "./secrets.js";
import { callOptions, createUpstream, credentialKinds, upstreamUrl } from "./upstream.js";
import { validateRequest, type RequestSchemas } from "./validate.js";
import { createWebhookReceiver } from "./webhook.js";

/** What the hosting server knows about the connection (the node entry fills it). */
export interface ClientInfo {
  /** Peer address; keys the rate limit of anonymous callers. */
  remoteAddress?: string;
}

export interface Bff {
  /** The standard fetch handler: `(Request) => Promise<Response>`. Never rejects. */
  fetch(request: Request, info?: ClientInfo): Promise<Response>;
  /** Resolves once every webhook handler started so far has settled. */
  idle(): Promise<void>;
  /** The runtime talking to the API (circuit state, cache, rate-limit headers seen). */
  readonly runtime: Runtime;
  readonly config: Readonly<BffConfig>;
}

/** Incoming ids are kept (so a trace spans browser, proxy and API) only when they are plain tokens. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The backend-for-frontend: browser apps call `<basePath>/<API path>`; the proxy checks origin,
 * identity, rate limit and the request against the spec, then calls the API through the runtime
 * with the server-side credentials, and answers with the API's response or the spec's error
 * envelope. Throws BffConfigError on a bad config.
 */
export function createBff(config: BffConfig): Bff {
  const problems = configProblems(config);
  if (problems.length) throw new BffConfigError(problems);
  const now = config.now ?? Date.now;
  const secrets = new SecretSet([config.upstream.auth.apiKey, config.upstream.auth.bearer, config.upstream.auth.oauth?.clientSecret, config.webhook?.secret]);
  const log: Logger | undefined = redactingLogger(config.logger, secrets);
  const runtime = createUpstream(config.upstream, secrets, log);
  const kinds = credentialKinds(config.upstream);
  const exposed = new Set<string>(config.operations);
  const route = createRouter(Object.values(operationMeta) as OperationMeta[]);
  const basePath = config.basePath ?? DEFAULTS.basePath;
  const forward = [...new Set([...DEFAULT_FORWARD_HEADERS, ...(config.forwardHeaders ?? []).map((h) => h.toLowerCase())])];
  const identifier = createIdentifier(config.clients);
  const methods = [...new Set(config.operations.map((id) => operationMeta[id].method.toUpperCase()))];
  const cors = createCors(config.cors, methods, [...forward, identifier.header, "x-request-id", "cache-control"]);
  const limit = config.rateLimit === false ? undefined : { limit: config.rateLimit?.limit ?? DEFAULTS.rateLimit.limit, windowMs: config.rateLimit?.windowMs ?? DEFAULTS.rateLimit.windowMs, store: config.rateLimit?.store ?? new SlidingWindowStore() };
  const webhook = config.webhook ? createWebhookReceiver(config.webhook, log, now) : undefined;
  const validate = config.validate ?? true;
  const maxBody = config.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const schemas = operationSchemas as unknown as Record<string, { request: RequestSchemas; responses: Record<string, unknown> }>;

  async function proxy(request: Request, url: URL, requestId: string, info: ClientInfo | undefined, extra: Record<string, string>, entry: Record<string, unknown>): Promise<Response> {
    const who = await identifier.identify(request, info?.remoteAddress);
    if (!who.ok) return errorResponse(who.status, who.message, requestId);
    if (who.clientId) entry.clientId = who.clientId;
    if (limit) {
      const t = now();
      const r = await limit.store.hit(who.key, t, limit.limit, limit.windowMs);
      Object.assign(extra, rateLimitHeaders(r, t));
      if (!r.allowed) return errorResponse(429, `Rate limit of ${limit.limit} requests per ${limit.windowMs / 1000} s exceeded`, requestId);
    }
    const match = route(request.method, url.pathname.slice(basePath.length) || "/");
    if (match.kind === "none" || (match.kind === "operation" && !exposed.has(match.meta.id))) return errorResponse(404, "No such operation", requestId);
    if (match.kind === "method") {
      const allow = match.allow.join(", ");
      return errorResponse(405, `Method ${request.method} not allowed here`, requestId, { headers: { allow } });
    }
    const { meta } = match;
    entry.operationId = meta.id;
    const params: Record<string, string> = {};
    try {
      for (const [k, v] of Object.entries(match.params)) params[k] = decodeURIComponent(v);
    } catch {
      return errorResponse(400, "Malformed percent-encoding in the path", requestId);
    }

    const op = schemas[meta.id]!;
    const declared = Object.keys(op.request.body ?? {});
    const headers = new Headers();
    for (const name of forward) {
      const v = request.headers.get(name);
      if (v !== null) headers.set(name, v);
    }
    headers.set("x-request-id", requestId);
    // A key made here (not by the runtime) is validated like a browser's and reused on every retry.
    if (meta.idempotencyHeader && !headers.has(meta.idempotencyHeader)) headers.set(meta.idempotencyHeader, randomUUID());

    let body: Uint8Array<ArrayBuffer> | undefined;
    let parsed: unknown;
    let mediaType: string | undefined;
    try {
      body = declared.length > 0 ? await readBody(request, maxBody) : undefined;
      if (body) {
        const contentType = request.headers.get("content-type");
        mediaType = selectMediaType(mediaTypeOf(contentType), declared);
        if (!mediaType) return errorResponse(415, `Content-Type must be one of: ${declared.join(", ")}`, requestId);
        if (validate) parsed = await parseBody(body, mediaType, contentType ?? "");
      }
    } catch (e) {
      if (e instanceof BodyError) return errorResponse(e.status, e.message, requestId);
      throw e;
    }
    if (validate) {
      const failure = validateRequest(op.request, { params, query: url.searchParams, headers, body: parsed, ...(mediaType ? { mediaType } : {}) }, "422" in op.responses ? 422 : 400);
      if (failure) {
        return errorResponse(failure.status, failure.status === 422 ? "The request body is invalid" : "The request parameters are invalid", requestId, {
          code: failure.status === 422 ? "VALIDATION_ERROR" : "BAD_REQUEST",
          details: failure.details,
        });
      }
    }

    const call = callOptions(meta, kinds);
    call.signal = request.signal;
    if (/no-cache|no-store/i.test(request.headers.get("cache-control") ?? "")) call.cache = false;
    const target = upstreamUrl(config.upstream.url, meta, params, url.search);
    const ctx: RespondContext = { requestId, secrets, upstreamBase: config.upstream.url, basePath };
    let upstream: Response;
    try {
      upstream = await runtime.withCall(call)(target, { method: request.method, headers, ...(body ? { body } : {}) });
    } catch (e) {
      entry.error = e;
      return thrownError(e, requestId, now());
    }
    entry.upstreamStatus = upstream.status;
    if (upstream.status < 400) return passThrough(upstream, ctx);
    return normalizeError(upstream, ctx, (err) => (entry.error = err));
  }

  async function handle(request: Request, info?: ClientInfo): Promise<Response> {
    const started = performance.now();
    const incoming = request.headers.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const url = new URL(request.url);
    const entry: Record<string, unknown> = { requestId, method: request.method, path: url.pathname };
    let response: Response;
    try {
      if (webhook && url.pathname === webhook.path) response = await webhook.handle(request, requestId);
      else response = await api(request, url, requestId, info, entry);
    } catch (e) {
      entry.error = e;
      response = errorResponse(500, "Internal error", requestId);
    }
    entry.status = response.status;
    entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
    const level = response.status >= 500 ? "error" : "info";
    log?.[level]?.("bff.request", entry);
    return response;
  }

  /** CORS around everything under the mount path, errors included, so browsers can read them. */
  async function api(request: Request, url: URL, requestId: string, info: ClientInfo | undefined, entry: Record<string, unknown>): Promise<Response> {
    const origin = request.headers.get("origin");
    const allowed = cors.allowed(origin);
    const preflight = request.method === "OPTIONS" && request.headers.has("access-control-request-method");
    const extra: Record<string, string> = { vary: varyHeader(preflight), "x-content-type-options": "nosniff" };
    let response: Response;
    if (origin !== null && !allowed) {
      entry.origin = origin;
      response = cors.rejectOthers || preflight ? errorResponse(403, "Origin not allowed", requestId) : await inMount();
    } else if (preflight && allowed) {
      response = new Response(null, { status: 204, headers: { ...cors.preflight(allowed), "x-request-id": requestId } });
    } else {
      response = await inMount();
      if (allowed) Object.assign(extra, cors.headers(allowed));
    }
    // Every response here was built by the proxy (never fetch's own), so its headers are mutable.
    for (const [k, v] of Object.entries(extra)) response.headers.set(k, v);
    return response;

    function inMount(): Promise<Response> {
      if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return Promise.resolve(errorResponse(404, "Not found", requestId));
      return proxy(request, url, requestId, info, extra, entry);
    }
  }

  return {
    fetch: handle,
    idle: () => webhook?.idle() ?? Promise.resolve(),
    runtime,
    config,
  };
}
