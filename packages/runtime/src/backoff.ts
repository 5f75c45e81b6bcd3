export interface BackoffOptions {
  /** Delay before the first retry, before jitter. Default: 500 ms. */
  initialDelayMs?: number;
  /** Upper bound for any computed delay (the cap). Default: 10_000 ms. */
  maxDelayMs?: number;
  /** Growth factor per attempt. Default: 2. */
  multiplier?: number;
  /**
   * "full": uniform in [0, d]; "equal": uniform in [d/2, d] (never retries instantly);
   * "none": exactly d. Default: "equal".
   */
  jitter?: "full" | "equal" | "none";
}

/**
 * Delay before retry number `retry` (0-based: 0 is the wait before the 2nd attempt).
 * The exponential term is capped before jitter so a long outage does not produce unbounded waits,
 * and jitter spreads synchronized clients apart.
 */
export function computeBackoff(retry: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const initial = options.initialDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 10_000;
  const multiplier = options.multiplier ?? 2;
  // Clamp the exponent so huge retry counts cannot overflow to Infinity/NaN.
  const exp = Math.min(retry, 64);
  const ceiling = Math.min(cap, initial * multiplier ** exp);
  switch (options.jitter ?? "equal") {
    case "none":
      return ceiling;
    case "full":
      return random() * ceiling;
    case "equal":
      return ceiling / 2 + random() * (ceiling / 2);
  }
}
