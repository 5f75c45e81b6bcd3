import { createApi, type Api } from "@specforge/client";
import { operations } from "@specforge/zod";

/** Status and headers of the last response the runtime handed back. */
export interface Exchange {
  status: number;
  headers: Headers;
  /** Prism's own problem+json answer, read from a clone: event streams lose error bodies otherwise. */
  problem?: unknown;
}

export interface ContractClient {
  api: Api;
  /** The exchange of the call that just finished; each is read once so a stale one never passes. */
  take(): Exchange;
}

export interface ContractClientOptions {
  bearer?: string;
  apiKey?: string;
  /** Sent with every request (e.g. a marker the conformance recorder keys on). */
  headers?: Record<string, string>;
  /** Check success bodies with the generated validators (default: on; off where another spec is the contract). */
  validateResponses?: boolean;
  /** Per-attempt timeout (the runtime's default: 30 s). */
  timeoutMs?: number;
  /** Check each request with the generated validators before sending it (off: the invalid-request tests send bad ones on purpose). */
  validateRequests?: boolean;
}

/** What is sent when no bearer token is given: Prism checks only that credentials are there. */
export const PLACEHOLDER_BEARER = "contract-test-token";

/**
 * The generated client as an application would build it, minus retries: a `Prefer: code=429`
 * answer has to surface on the first attempt instead of being retried away.
 */
export function contractClient(baseUrl: string, options: ContractClientOptions = {}): ContractClient {
  let last: Exchange | undefined;
  // Both kinds when both are given: the runtime sends each operation the one its security accepts.
  const auth = {
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    ...(options.bearer !== undefined || options.apiKey === undefined ? { bearer: options.bearer ?? PLACEHOLDER_BEARER } : {}),
  };
  const api = createApi({
    baseUrl,
    retry: false,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    auth,
    // Every success body is also checked by the client itself, with the generated validators.
    ...(options.validateResponses !== false ? { validateResponses: operations } : {}),
    ...(options.validateRequests ? { validateRequests: operations } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    hooks: {
      onResponse: async ({ response }) => {
        last = { status: response.status, headers: response.headers };
        if (response.headers.get("content-type")?.includes("application/problem+json")) last.problem = await response.clone().json();
      },
    },
  });
  return {
    api,
    take() {
      const exchange = last;
      last = undefined;
      if (!exchange) throw new Error("The client reported no response for this call");
      return exchange;
    },
  };
}
