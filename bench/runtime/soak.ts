/**
 * Soak: 10,000 calls of the generated client's operation methods (`createApi` from
 * @specforge/client, as an app uses it) against the fault server, which breaks ~20 % of attempts:
 * 503/500/502/408, 429 with retry-after-ms, connection resets before the headers, "applied, then
 * the response is lost" for POSTs, and in the body phase (after fetch resolved): connections
 * dropped mid-body, bodies that stall after the headers, and 200s whose body is not JSON.
 *
 * Passes when: every call succeeds within its retry budget, except those that got a body that is
 * not JSON (a typed ResponseParseError, not retried by design, one per such fault); no side effect
 * is applied twice; nothing rejects with anything but a typed ApiError; the heap after GC stays
 * flat. The server runs in its own process so the heap figures are the client's alone.
 *
 *   npx tsx bench/runtime/soak.ts [calls=10000] [faultRate=0.2] [timers=signal|native]
 *
 * `timers=native` makes the runtime use undici's own timers (the default for timeouts ≥ 10 s) for
 * the short per-attempt timeout here, so that path is soaked too; undici's timers tick every 500 ms.
 */
import { fork } from "node:child_process";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ensureSourceConditions } from "./source-conditions.js";

ensureSourceConditions(import.meta.url);

const { createApi } = await import("../../packages/client/src/index.js");
const { ApiError, ResponseParseError } = await import("../../packages/runtime/src/index.js");
const { nativeTimeouts } = await import("../../packages/runtime/src/native-timeout.js");

const TOTAL = Number(process.argv[2] ?? 10_000);
const RATE = Number(process.argv[3] ?? 0.2);
const TIMERS = process.argv[4] ?? "signal";
const CONCURRENCY = 32;
const MAX_RETRIES = 8; // P(9 retryable faults in a row) ≈ 0.18^9 ≈ 2e-7 per call
const STALL_MS = 2_000;
const HARD_DEADLINE_MS = 180_000;
if (TIMERS === "native") nativeTimeouts.minMs = 0;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const server = fork(new URL("./soak-server.ts", import.meta.url), [String(RATE), "20260101", String(STALL_MS)], {
  execArgv: ["--import", new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href],
  stdio: ["ignore", "pipe", "inherit", "ipc"],
});
const url = await new Promise<string>((resolve) => server.stdout!.once("data", (d: Buffer) => resolve(String(d).trim())));

const api = createApi({
  baseUrl: `${url}/soak`,
  // Short enough that a stalled body costs little; the stall (2 s) is far longer.
  timeoutMs: TIMERS === "native" ? 300 : 250,
  totalTimeoutMs: 15_000,
  retry: { maxRetries: MAX_RETRIES, initialDelayMs: 2, maxDelayMs: 50 },
  // The server counts attempts per logical request by this id (the runtime sends none by default).
  requestIdHeader: "X-Request-Id",
});

const stop = new AbortController();
const deadline = setTimeout(() => stop.abort(new Error("soak hard deadline")), HARD_DEADLINE_MS);

type Outcome = "ok" | "parse" | "typed" | "untyped";
const outcomes: Record<Outcome, number> = { ok: 0, parse: 0, typed: 0, untyped: 0 };
const examples: string[] = [];
const posts: string[] = [];
const heap: number[] = [];
let next = 0;
let done = 0;
const started = performance.now();

async function one(i: number): Promise<void> {
  const isPost = i % 10 < 3;
  try {
    if (isPost) {
      const opId = `op-${i}`;
      posts.push(opId);
      const body = { opId, items: [{ product_id: "p1", quantity: 1 }] } as never;
      await api.orders.create({ body }, { signal: stop.signal });
    } else {
      await api.users.get({ params: { path: { id: `u-${i}` } } }, { signal: stop.signal });
    }
    outcomes.ok++;
  } catch (e) {
    const kind: Outcome = e instanceof ResponseParseError ? "parse" : e instanceof ApiError ? "typed" : "untyped";
    outcomes[kind]++;
    if (kind !== "parse" && examples.length < 5) examples.push(`#${i} ${(e as Error)?.name}: ${(e as Error)?.message}`);
  }
  if (++done % 1_000 === 0) {
    gc();
    heap.push(process.memoryUsage().heapUsed);
  }
}

await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < TOTAL && !stop.signal.aborted) await one(next++);
  }),
);
clearTimeout(deadline);
const elapsed = performance.now() - started;

interface Stats {
  faults: number;
  kinds: Record<string, number>;
  attempts: Record<string, number>;
  invalidJson: string[];
  applied: Record<string, number>;
  duplicated: number;
}
const stats = await new Promise<Stats>((resolve) => {
  server.once("message", (m) => resolve(m as Stats));
  server.send({ type: "stats" });
});
server.disconnect();

const attempts = Object.values(stats.attempts);
const maxAttempts = Math.max(...attempts);
const lost = posts.filter((op) => !(op in stats.applied));
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
// Flat: after the first samples (JIT, pools, caches warm), the heap does not keep growing.
const settled = heap.slice(2);
const growth = settled.length > 1 ? settled.at(-1)! - settled[0]! : 0;
const flat = growth < 2 * 1024 * 1024;

console.log(`soak: ${TOTAL} calls of the generated client (${posts.length} createOrder with an Idempotency-Key, the rest getUser)`);
console.log(`  fault rate ${RATE}, concurrency ${CONCURRENCY}, per-attempt timeout on ${TIMERS === "native" ? "undici's timers" : "an AbortSignal"}, Node ${process.version}`);
console.log(`  faults injected           ${stats.faults} over ${attempts.reduce((a, b) => a + b, 0)} attempts`);
for (const [k, n] of Object.entries(stats.kinds).sort((a, b) => b[1] - a[1])) console.log(`    ${k.padEnd(22)} ${n}`);
console.log(`  calls retried             ${attempts.filter((n) => n > 1).length} (max attempts for one call: ${maxAttempts} / budget ${MAX_RETRIES + 1})`);
console.log(`  succeeded                 ${outcomes.ok} / ${TOTAL - stats.invalidJson.length} retryable calls`);
console.log(`  ResponseParseError        ${outcomes.parse} (200 with a body that is not JSON, not retried: ${stats.invalidJson.length} injected)`);
console.log(`  other typed errors        ${outcomes.typed}${examples.length ? `  e.g. ${examples.join("; ")}` : ""}`);
console.log(`  untyped rejections        ${outcomes.untyped}`);
console.log(`  side effects applied 2×+  ${stats.duplicated}`);
console.log(`  POSTs never applied       ${lost.length}`);
console.log(`  heap after GC, per 1,000  ${heap.map(mb).join(" → ")} (growth after warm-up ${mb(growth)})`);
console.log(`  wall time                 ${(elapsed / 1000).toFixed(2)} s (${Math.round((TOTAL / elapsed) * 1000)} calls/s)`);

const pass =
  outcomes.ok === TOTAL - stats.invalidJson.length &&
  outcomes.parse === stats.invalidJson.length &&
  outcomes.typed === 0 &&
  outcomes.untyped === 0 &&
  stats.duplicated === 0 &&
  lost.length === 0 &&
  maxAttempts <= MAX_RETRIES + 1 &&
  flat;
console.log(pass ? "PASS" : "FAIL");
if (!pass) process.exitCode = 1;
