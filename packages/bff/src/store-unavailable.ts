/**
 * A shared store (Redis) could not answer in time. The caller applies its failure policy: the
 * rate limit fails open (local window) or closed (503); the webhook receiver always answers 503.
 */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
  constructor(
    readonly store: string,
    reason: string,
  ) {
    super(`${store} unavailable: ${reason}`);
  }
}
