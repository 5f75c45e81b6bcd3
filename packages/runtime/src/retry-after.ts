/**
 * Reset headers come in two dialects: delta-seconds (IETF RateLimit drafts, GitHub's secondary
 * limits) and epoch seconds (GitHub, Twitter). Values this large can only be epoch timestamps.
 */
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;
const EPOCH_MS_THRESHOLD = 1_000_000_000_000;

/** Converts an `X-RateLimit-Reset` value to an absolute epoch-ms instant. */
export function parseResetHeader(value: string | null, now: number): number | undefined {
  // Blank, negative, infinite or not a number: NaN, which no comparison below accepts.
  const n = value?.trim() ? Number(value) : NaN;
  if (!(n >= 0 && n < Infinity)) return undefined;
  if (n >= EPOCH_MS_THRESHOLD) return n;
  if (n >= EPOCH_SECONDS_THRESHOLD) return n * 1000;
  return now + n * 1000;
}

/**
 * How long the server asked us to wait, in ms, or undefined when it did not say.
 * Precedence: `retry-after-ms` (most precise) → `Retry-After` → `X-RateLimit-Reset`, the last only
 * when the response is a 429 or reports zero remaining, since reset headers ride on every response.
 */
export function retryAfterMs(response: Pick<Response, "headers" | "status">, now = Date.now()): number | undefined {
  const h = response.headers;
  const ms = h.get("retry-after-ms");
  if (ms !== null) {
    const n = Number(ms);
    // Finite and not negative (NaN fails both comparisons).
    if (n >= 0 && n < Infinity) return n;
  }
  const ra = h.get("retry-after");
  if (ra !== null) {
    // Delta-seconds; sent twice, the values come joined ("5, 5") and the first counts. A blank value
    // is not 0; "Infinity" is longer than any allowed wait.
    const first = ra.split(",")[0]!.trim();
    if (first && +first >= 0) return +first * 1000;
    // An HTTP date has a time of day. Without one, V8's lenient Date.parse reads "5, 5" or "try
    // again 1" as a date long past, which would mean retrying at once.
    const date = /\d:\d\d/.test(ra) ? Date.parse(ra) : NaN;
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (response.status === 429 || h.get("x-ratelimit-remaining") === "0") {
    const reset = parseResetHeader(h.get("x-ratelimit-reset"), now);
    if (reset !== undefined) return Math.max(0, reset - now);
  }
  return undefined;
}

/**
 * A 429, or a 403 that says how long to wait: GitHub answers an exhausted quota with 403,
 * `x-ratelimit-remaining: 0` and the reset time, and its secondary limits with 403 and `retry-after`.
 */
export const rateLimited = (r: Pick<Response, "headers" | "status">): boolean => r.status === 429 || (r.status === 403 && retryAfterMs(r) !== undefined);
