/**
 * Soak: 10,000 requests through the runtime against the fault server with ~20% faulty responses
 * (503/500/502/408, 429 with retry-after-ms, connection resets, and "applied but response lost" for
 * POSTs). Checks that every request succeeded within its retry budget and that no idempotent POST
 * had its side effect applied twice. Loopback only; bounded by a hard deadline.
 *
 *   npx tsx bench/runtime/soak.ts [requests=10000] [faultRate=0.2]
 */
import { createRuntime } from "../../packages/runtime/src/index.js";
import { FaultServer } from "../../packages/runtime/test/fault-server.js";

const TOTAL = Number(process.argv[2] ?? 10_000);
const RATE = Number(process.argv[3] ?? 0.2);
const CONCURRENCY = 32;
const MAX_RETRIES = 8; // P(9 faults in a row) = 0.2^9 ≈ 5e-7 per request
const HARD_DEADLINE_MS = 120_000;

const server = await new FaultServer().start();
server.randomFaults({ rate: RATE, seed: 20_260_101, match: /^\/soak\// });

const attempts = new Map<string, number>();
const runtime = createRuntime({
  baseUrl: server.url,
  timeoutMs: 2_000,
  totalTimeoutMs: 15_000,
  retry: { maxRetries: MAX_RETRIES, initialDelayMs: 2, maxDelayMs: 50 },
  hooks: {
    onRequest: ({ requestId }) => void attempts.set(requestId!, (attempts.get(requestId!) ?? 0) + 1),
  },
});

const stop = new AbortController();
const deadline = setTimeout(() => stop.abort(new Error("soak hard deadline")), HARD_DEADLINE_MS);

let next = 0;
let ok = 0;
let posts = 0;
const failures: string[] = [];
const postOps: string[] = [];
const started = performance.now();

async function one(i: number): Promise<void> {
  const isPost = i % 10 < 3;
  try {
    let res: Response;
    if (isPost) {
      const opId = `op-${i}`;
      postOps.push(opId);
      posts++;
      res = await runtime.withCall({ idempotencyHeader: "Idempotency-Key", signal: stop.signal })("/soak/orders", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ opId }),
      });
    } else {
      res = await runtime.withCall({ signal: stop.signal })(`/soak/get?i=${i}`);
    }
    await res.arrayBuffer();
    if (res.ok) ok++;
    else failures.push(`#${i} HTTP ${res.status}`);
  } catch (e) {
    failures.push(`#${i} ${(e as Error).name}: ${(e as Error).message}`);
  }
}

await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < TOTAL && !stop.signal.aborted) await one(next++);
  }),
);
clearTimeout(deadline);
const elapsed = performance.now() - started;

const applied = server.state.applied;
const doubled = [...applied].filter(([, n]) => n > 1);
const lost = postOps.filter((op) => !applied.has(op));
const counts = [...attempts.values()];
const maxAttempts = Math.max(...counts);
const retried = counts.filter((n) => n > 1).length;
await server.close();

console.log(`soak: ${TOTAL} requests (${posts} idempotent POSTs), fault rate ${RATE}, concurrency ${CONCURRENCY}`);
console.log(`  faults injected           ${server.faultsInjected}`);
console.log(`  attempts sent             ${counts.reduce((a, b) => a + b, 0)}  (requests retried: ${retried}, max attempts for one request: ${maxAttempts} / budget ${MAX_RETRIES + 1})`);
console.log(`  succeeded                 ${ok} / ${TOTAL}`);
console.log(`  failed                    ${failures.length}${failures.length ? `  e.g. ${failures.slice(0, 3).join("; ")}` : ""}`);
console.log(`  side effects applied 2×+  ${doubled.length}`);
console.log(`  POSTs never applied       ${lost.length}`);
console.log(`  wall time                 ${(elapsed / 1000).toFixed(2)} s (${Math.round((TOTAL / elapsed) * 1000)} req/s)`);

const pass = ok === TOTAL && doubled.length === 0 && lost.length === 0 && maxAttempts <= MAX_RETRIES + 1;
console.log(pass ? "PASS" : "FAIL");
if (!pass) process.exitCode = 1;
