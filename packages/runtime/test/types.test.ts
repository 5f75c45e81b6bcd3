/**
 * Public API type tests. `expectTypeOf` is erased at runtime; `tsc -p tsconfig.json` (which includes
 * test/) is what enforces these, so the typecheck script is part of the test suite.
 */
import createClient, { type FetchOptions } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import {
  ApiError,
  clientCredentials,
  constructEvent,
  createRuntime,
  errorFromResponse,
  paginate,
  RateLimitError,
  streamEvents,
  TokenManager,
  type BearerProvider,
  type CallOptions,
  type FetchFn,
  type Page,
  type Paginator,
  type RateLimitState,
  type Runtime,
  type RuntimeOptions,
  type Schema,
  type SSEEvent,
  type TokenSet,
  type VerifiedEvent,
} from "../src/index.js";
import type { OperationFn, OperationInit, OperationItem } from "../src/client/api-core.js";

describe("public API types", () => {
  it("runtime.fetch and withCall are fetch-compatible and fit openapi-fetch", () => {
    const rt = createRuntime({ baseUrl: "https://api.example.com" });
    expectTypeOf(rt).toEqualTypeOf<Runtime>();
    expectTypeOf(rt.fetch).toEqualTypeOf<FetchFn>();
    expectTypeOf(rt.fetch).toMatchTypeOf<typeof fetch>();
    expectTypeOf(rt.withCall).parameter(0).toEqualTypeOf<CallOptions>();
    expectTypeOf(rt.withCall({ retries: 0 })).toEqualTypeOf<FetchFn>();
    expectTypeOf(rt.rateLimit.get()).toEqualTypeOf<RateLimitState | undefined>();
    type ClientFetch = NonNullable<Parameters<typeof createClient>[0]>["fetch"];
    expectTypeOf(rt.fetch).toMatchTypeOf<NonNullable<ClientFetch>>();
  });

  it("options accept every documented auth shape", () => {
    expectTypeOf<{ auth: { bearer: "x" } }>().toMatchTypeOf<RuntimeOptions>();
    expectTypeOf<{ auth: { bearer: () => Promise<string> } }>().toMatchTypeOf<RuntimeOptions>();
    expectTypeOf<{ auth: { bearer: TokenManager } }>().toMatchTypeOf<RuntimeOptions>();
    expectTypeOf(clientCredentials).returns.toMatchTypeOf<BearerProvider>();
    expectTypeOf<TokenManager["tokens"]>().toEqualTypeOf<TokenSet | undefined>();
    // @ts-expect-error retries must be a number
    const bad: CallOptions = { retries: "2" };
    void bad;
  });

  it("errorFromResponse returns ApiError; subclasses narrow", () => {
    expectTypeOf(errorFromResponse).returns.toEqualTypeOf<ApiError>();
    expectTypeOf<RateLimitError["retryAfterMs"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ApiError["status"]>().toEqualTypeOf<number | undefined>();
  });

  // Type-only: the bodies below must not run (the fake fetchPage would paginate forever).
  const typeOnly = (_fn: () => void): void => undefined;

  it("paginate infers items from the data envelope or the extractor", () => typeOnly(() => {
    const p = paginate({
      style: "page",
      fetchPage: async () => ({ data: { data: [{ id: 1 }], meta: {} }, response: new Response() }),
    });
    expectTypeOf(p).toMatchTypeOf<AsyncIterable<{ id: number }>>();
    expectTypeOf(p.toArray()).resolves.toEqualTypeOf<{ id: number }[]>();
    expectTypeOf(p.pages()).toMatchTypeOf<AsyncIterable<Page<{ id: number }, { data: { id: number }[]; meta: {} }>>>();
    const q = paginate({
      style: "cursor",
      fetchPage: async () => ({ data: { rows: ["a"] }, response: new Response() }),
      extract: (b) => ({ items: b.rows }),
    });
    expectTypeOf(q).toEqualTypeOf<Paginator<string, { rows: string[] }>>();
  }));

  it("a generated list operation's items: the list body's own (GitHub), under data (ours, Stripe) or items", () => {
    type Op<Body> = { responses: { 200: { content: { "application/json": Body } } } };
    expectTypeOf<OperationItem<Op<{ id: number }[]>>>().toEqualTypeOf<{ id: number }>();
    expectTypeOf<OperationItem<Op<{ data: { id: string }[]; has_more: boolean }>>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<OperationItem<Op<{ total_count: number; items: { name: string }[] }>>>().toEqualTypeOf<{ name: string }>();
    expectTypeOf<OperationItem<Op<{ ok: boolean }>>>().toEqualTypeOf<unknown>();
  });

  it("a multipart or raw body takes files and bytes where the spec says string (format: binary); a JSON body does not", () => {
    type Body<Media extends string, B, Required extends boolean = true> = {
      parameters: {};
      requestBody: Required extends true ? { content: { [M in Media]: B } } : { content: { [M in Media]: B } } | undefined;
      responses: { 201: { content: { "application/json": { id: string } } } };
    };
    type Upload = Body<"multipart/form-data", { file: string; tags?: string[]; note?: string }>;
    expectTypeOf<{ body: { file: Blob; tags: [string, Blob] } }>().toMatchTypeOf<OperationInit<Upload>>();
    expectTypeOf<{ body: { file: Uint8Array; note: "n" } }>().toMatchTypeOf<OperationInit<Upload>>();
    expectTypeOf<{ body: { file: number } }>().not.toMatchTypeOf<OperationInit<Upload>>();
    expectTypeOf<{ body: { note: "no file" } }>().not.toMatchTypeOf<OperationInit<Upload>>();
    // Still required: the init is not optional.
    expectTypeOf<Parameters<OperationFn<Upload>>[0]>().toEqualTypeOf<OperationInit<Upload>>();
    expectTypeOf<{ body: Blob }>().toMatchTypeOf<OperationInit<Body<"application/octet-stream", string>>>();
    type Json = Body<"application/json", { name: string }>;
    expectTypeOf<{ body: { name: Blob } }>().not.toMatchTypeOf<OperationInit<Json>>();
    expectTypeOf<OperationInit<Json>["body"]>().toEqualTypeOf<FetchOptions<Json>["body"]>();
  });

  it("SSE and webhook helpers carry the schema's type", () => typeOnly(() => {
    const schema: Schema<{ kind: "a" } | { kind: "b"; n: number }> = { parse: (v) => v as { kind: "a" } };
    expectTypeOf(streamEvents({ url: "x", parse: schema.parse as (v: unknown) => { kind: "a" } })).toMatchTypeOf<
      AsyncIterable<SSEEvent<{ kind: "a" }>>
    >();
    expectTypeOf(constructEvent({ payload: "", headers: {}, secret: "s", schema })).resolves.toEqualTypeOf<
      VerifiedEvent<{ kind: "a" } | { kind: "b"; n: number }>
    >();
  }));
});
