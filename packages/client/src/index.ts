/**
 * Typed client of the Platform API: `createApi()` gives the operation-named surface
 * (`api.<tag>.<operation>(init)`) on openapi-fetch and @specforge/runtime.
 */
export * from "./generated/index.js";
export type { ApiOptions, CallOptions, OperationMeta, OperationFn, PaginatedFn, StreamFn, SSEEvent } from "@specforge/runtime/client";
