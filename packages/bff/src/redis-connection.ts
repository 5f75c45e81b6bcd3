import { Redis } from "ioredis";
import type { Logger } from "@specforge/runtime";
import { DEFAULTS, type RedisConfig } from "./config.js";
import { StoreUnavailableError } from "./store-unavailable.js";

export type RedisState = "connecting" | "up" | "down";

/** While Redis is connected but too slow, one command at a time, at most one per interval, probes it; the rest fail at once. */
const PROBE_INTERVAL_MS = 1_000;
/** Reconnect backoff cap: after an outage the BFF is back on Redis within about this long. */
const MAX_RECONNECT_DELAY_MS = 1_000;
/** The failure policy in words, for the one log line of an outage. */
const POLICY_TEXT = {
  open: "open: served, each instance counting in memory until Redis is back",
  closed: "closed: 503 with Retry-After until Redis is back",
  webhooks: "closed: 503 with Retry-After until Redis is back (the sender retries; nothing is processed twice)",
};

/**
 * The BFF's one Redis client and its health. Commands fail fast instead of queueing (offline queue
 * off, a command timeout, no resend on reconnect): a request must get the failure policy within
 * `commandTimeoutMs`, not wait out an outage. The client reconnects forever in the background;
 * every state change is logged once (not per request) and shown on the health route.
 */
export class RedisConnection {
  readonly client: Redis;
  private current: RedisState = "connecting";
  private changedAt: number;
  private lastProbe = 0;
  /** A probe (a request's command or the background PING) is waiting for Redis: with a command timeout over the interval, a second would wait it out too. */
  private probing = false;
  private probeTimer: NodeJS.Timeout | undefined;
  private readonly upHooks = new Set<() => void>();
  private closing = false;
  private readonly policyText: { rateLimit?: string; webhooks?: string };
  private readonly connected: Promise<void>;

  /** @param uses which stores live in Redis, so the outage line states only their policies. Default: both. */
  constructor(
    config: RedisConfig,
    private readonly log: Logger | undefined,
    uses: { rateLimit: boolean; webhooks: boolean } = { rateLimit: true, webhooks: true },
  ) {
    this.changedAt = Date.now();
    this.policyText = {
      ...(uses.rateLimit ? { rateLimit: POLICY_TEXT[config.rateLimitOnFailure ?? DEFAULTS.rateLimitOnRedisFailure] } : {}),
      ...(uses.webhooks ? { webhooks: POLICY_TEXT.webhooks } : {}),
    };
    this.client = new Redis(config.url, {
      commandTimeout: config.commandTimeoutMs ?? DEFAULTS.redisCommandTimeoutMs,
      connectTimeout: config.connectTimeoutMs ?? DEFAULTS.redisConnectTimeoutMs,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 5), MAX_RECONNECT_DELAY_MS),
      connectionName: "specforge-bff",
      // Redis < 7.2 has no CLIENT SETINFO; skipping it spares an error per connection.
      disableClientInfo: true,
    });
    this.client.on("ready", () => this.set("up"));
    this.client.on("close", () => this.set("down", "connection closed"));
    // Without a listener ioredis prints every reconnect failure; the state line says it once.
    this.client.on("error", (e: Error) => this.set("down", e.message));
    this.connected = new Promise((resolve) => {
      this.client.once("ready", resolve);
      this.client.once("end", resolve);
      setTimeout(resolve, config.connectTimeoutMs ?? DEFAULTS.redisConnectTimeoutMs).unref();
    });
  }

  get state(): RedisState {
    return this.current;
  }

  /** Epoch ms of the last state change. */
  get since(): number {
    return this.changedAt;
  }

  /** Runs `fn` after every reconnection (e.g. to retry cleanups that failed while Redis was down). */
  onUp(fn: () => void): void {
    this.upHooks.add(fn);
  }

  /** Resolves once connected, or after `connectTimeoutMs` (then the failure policy applies). Never rejects. */
  ready(): Promise<void> {
    return this.connected;
  }

  /** Runs one command; any failure marks Redis down and becomes a StoreUnavailableError. */
  async run<T>(what: string, fn: (client: Redis) => Promise<T>): Promise<T> {
    let probe = false;
    if (this.current === "down" && this.client.status === "ready") {
      // Connected but timing out: let one request probe, answer the others at once.
      const t = Date.now();
      if (this.probing || t - this.lastProbe < PROBE_INTERVAL_MS) throw new StoreUnavailableError(what, "Redis is not answering in time");
      this.lastProbe = t;
      probe = this.probing = true;
    }
    try {
      const result = await fn(this.client);
      if (this.current === "down" && this.client.status === "ready") this.set("up");
      return result;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      // A reply error is Redis answering (e.g. a wrong key type): the request fails, Redis is not down.
      if ((e as { name?: string }).name !== "ReplyError") this.set("down", reason);
      throw new StoreUnavailableError(what, reason);
    } finally {
      if (probe) this.probing = false;
    }
  }

  private set(state: "up" | "down", reason?: string): void {
    if (this.closing || state === this.current) return;
    const t = Date.now();
    const was = this.current;
    this.current = state;
    if (state === "up") {
      this.log?.info?.("bff.redis.up", { ...(was === "down" ? { downForMs: t - this.changedAt } : {}) });
      this.changedAt = t;
      for (const hook of this.upHooks) hook();
      return;
    }
    this.changedAt = t;
    // The failure that brought it down counts as the last probe.
    this.lastProbe = t;
    this.log?.error?.("bff.redis.down", { reason, ...this.policyText });
    this.probe();
  }

  /**
   * While down, PING in the background so recovery shows (health, log line) without waiting for
   * traffic. A closed connection is ioredis's to reconnect ("ready" marks it up); a connected but
   * slow one is only known to be back when it answers.
   */
  private probe(): void {
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => {
      if (this.closing || this.current !== "down") return;
      if (this.client.status !== "ready") return this.probe();
      if (this.probing) return this.probe();
      this.lastProbe = Date.now();
      this.probing = true;
      this.client.ping().then(
        () => ((this.probing = false), this.set("up")),
        () => ((this.probing = false), this.probe()),
      );
    }, PROBE_INTERVAL_MS);
    this.probeTimer.unref();
  }

  /** Quits (or drops, if Redis does not answer) the connection; no state line after this. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.probeTimer);
    if (this.client.status === "end") return;
    if (this.client.status !== "ready") {
      this.client.disconnect();
      return;
    }
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
