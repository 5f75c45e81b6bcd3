import { DEFAULT_REDACTED_HEADERS, type Logger } from "@specforge/runtime";
import { REDACTED, type SecretSet } from "./secrets.js";

export type { Logger };

const LEVELS = ["debug", "info", "warn", "error"] as const;
const SENSITIVE_KEYS = new Set<string>([...DEFAULT_REDACTED_HEADERS, "x-client-secret", "client_secret", "secret", "password"]);
const MAX_DEPTH = 6;

/**
 * Wraps a logger so no line can carry a secret: every string in the message and metadata is
 * scrubbed of the configured credentials, credential-named keys are masked, and errors are reduced
 * to name, message, status and code (their headers and bodies can hold anything).
 */
export function redactingLogger(base: Logger | undefined, secrets: SecretSet): Logger | undefined {
  if (!base) return undefined;
  const out: Logger = {};
  for (const level of LEVELS) {
    const fn = base[level];
    if (fn) out[level] = (message, meta) => fn.call(base, secrets.redact(message), meta === undefined ? undefined : (scrub(meta, secrets, 0) as Record<string, unknown>));
  }
  return out;
}

function scrub(value: unknown, secrets: SecretSet, depth: number): unknown {
  if (typeof value === "string") return secrets.redact(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[…]";
  if (value instanceof Error) {
    const e = value as Error & { status?: unknown; code?: unknown };
    return { name: e.name, message: secrets.redact(e.message), ...(e.status !== undefined ? { status: e.status } : {}), ...(typeof e.code === "string" ? { code: e.code } : {}) };
  }
  if (value instanceof Headers) return scrub(Object.fromEntries(value), secrets, depth);
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEYS.has(k.toLowerCase()) ? REDACTED : scrub(v, secrets, depth + 1);
  return out;
}

/** One JSON object per line on stdout (errors on stderr): what log collectors expect from a server. */
export function jsonLogger(minLevel: (typeof LEVELS)[number] = "info"): Logger {
  const logger: Logger = {};
  for (const level of LEVELS.slice(LEVELS.indexOf(minLevel))) {
    const stream = level === "error" || level === "warn" ? process.stderr : process.stdout;
    logger[level] = (message, meta) => {
      stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...meta })}\n`);
    };
  }
  return logger;
}
