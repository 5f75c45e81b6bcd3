/**
 * The paired per-call phase of overhead.ts, in a plain `node` process: tsx's loader (which runs
 * overhead.ts) slows every call of the process it hooks, bare fetch included (114 → 147 µs p50 on
 * loopback), which is not what a consumer's process pays. Bare fetch, openapi-fetch alone and the
 * generated client (compiled JS, default options) alternate call by call, forward then backward,
 * so each sees the same moments of the host; the medians resolve an added p50 to about ±1 µs.
 * Then the same at concurrency 8: batches of 32 calls (8 workers × 4), contender after contender,
 * alternating forward then backward, each batch timed whole. A batch takes a few milliseconds, so
 * the host's slow and fast spells (which move a 150-call round's req/s by ±10 %) fall on both
 * sides of a pair; the median of per-pair time ratios is the req/s ratio.
 *
 *   node bench/runtime/paired.mjs <clientUrl> <baseUrl> <id> <calls> [batches]
 *   → one JSON line on stdout: { calls: { name: µs[] }, batches: { name: µs[] } }
 */
import createClient from "openapi-fetch";

const [clientUrl, baseUrl, id, calls, batches = "2000"] = process.argv.slice(2);
const { createApi } = await import(clientUrl);
const api = createApi({ baseUrl });
const plain = createClient({ baseUrl });
const params = { path: { id } };
const url = `${baseUrl}/users/${id}`;
const contenders = {
  "bare fetch": async () => (await fetch(url)).json(),
  "openapi-fetch": () => plain.GET("/users/{id}", { params }),
  "client, defaults": () => api.users.get({ params }),
};
const names = Object.keys(contenders);
const times = Object.fromEntries(names.map((n) => [n, []]));
// JIT and the keep-alive pool.
for (let i = 0; i < 3_000; i++) for (const n of names) await contenders[n]();
for (let i = 0; i < Number(calls); i++) {
  for (const n of i % 2 ? names : [...names].reverse()) {
    const s = performance.now();
    await contenders[n]();
    times[n].push((performance.now() - s) * 1000);
  }
}
const WORKERS = 8;
const PER_WORKER = 4;
const batch = async (fn) => {
  const s = performance.now();
  await Promise.all(Array.from({ length: WORKERS }, async () => {
    for (let i = 0; i < PER_WORKER; i++) await fn();
  }));
  return (performance.now() - s) * 1000;
};
const batchTimes = Object.fromEntries(names.map((n) => [n, []]));
for (let i = 0; i < 200; i++) for (const n of names) await batch(contenders[n]);
for (let i = 0; i < Number(batches); i++) {
  for (const n of i % 2 ? names : [...names].reverse()) batchTimes[n].push(await batch(contenders[n]));
}
process.stdout.write(JSON.stringify({ calls: times, batches: batchTimes }) + "\n");
