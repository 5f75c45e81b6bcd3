/**
 * Happy-path overhead of the full runtime vs bare fetch and vs plain openapi-fetch, side by side in
 * one run on loopback. The server runs in a child process, so `process.cpuUsage()` here measures the
 * client alone. Many short rounds are interleaved (rotating order) and every figure is the MEDIAN
 * over rounds, so load spikes from other processes on a shared machine hit one round, not the result.
 * Client CPU µs per request is the most stable overhead figure; req/s and p50/p99 are reported too.
 *
 *   npx tsx bench/runtime/overhead.ts [rounds=30] [requestsPerRound=500] [concurrency=16]
 */
import { spawn } from "node:child_process";
import createClient from "openapi-fetch";
import { createRuntime } from "../../packages/runtime/src/index.js";

const ROUNDS = Number(process.argv[2] ?? 30);
const PER_ROUND = Number(process.argv[3] ?? 500);
const CONCURRENCY = Number(process.argv[4] ?? 16);

const serverSource = `
  const { createServer } = require("node:http");
  const body = JSON.stringify({ data: [{ id: 1, name: "a" }, { id: 2, name: "b" }], meta: { has_next: false } });
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "999", "x-ratelimit-reset": "60" });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60000;
  server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;
const child = spawn(process.execPath, ["-e", serverSource], { stdio: ["ignore", "pipe", "inherit"] });
const port = await new Promise<number>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(Number(String(d).trim()))));
const baseUrl = `http://127.0.0.1:${port}`;
const url = `${baseUrl}/users?page=1`;

type paths = {
  "/users": {
    get: {
      parameters: { query?: { page?: number } };
      responses: { 200: { content: { "application/json": { data: Array<{ id: number; name: string }> } } } };
    };
  };
};

// "Full runtime": auth, retries, per-attempt timeout, request ids, rate-limit tracking, breaker.
const runtime = createRuntime({ baseUrl, auth: { bearer: () => "token-abc" }, retry: { maxRetries: 2 }, timeoutMs: 10_000, circuitBreaker: true });
// Same, minus the per-attempt timeout: no AbortSignal is handed to fetch at all.
const runtimeNoTimeout = createRuntime({ baseUrl, auth: { bearer: () => "token-abc" }, retry: { maxRetries: 2 }, timeoutMs: 0, circuitBreaker: true });
const plainClient = createClient<paths>({ baseUrl });
const runtimeClient = createClient<paths>({ baseUrl, fetch: runtime.fetch });
const auth = { authorization: "Bearer token-abc" };

const contenders: Record<string, () => Promise<unknown>> = {
  "bare fetch": async () => (await fetch(url, { headers: auth })).json(),
  // What a hand-written client with a 10 s timeout pays: Node's fetch links every request signal.
  "bare fetch + timeout": async () => {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), 10_000);
    const res = await fetch(url, { headers: auth, signal: ac.signal });
    clearTimeout(timer);
    return res.json();
  },
  "runtime.fetch": async () => (await runtime.fetch(url)).json(),
  "runtime.fetch, timeoutMs 0": async () => (await runtimeNoTimeout.fetch(url)).json(),
  "openapi-fetch": () => plainClient.GET("/users", { params: { query: { page: 1 } }, headers: auth }),
  "openapi-fetch + runtime": () => runtimeClient.GET("/users", { params: { query: { page: 1 } } }),
};
const names = Object.keys(contenders);
type RoundStat = { rps: number; cpu: number };
const rounds = new Map<string, RoundStat[]>(names.map((n) => [n, []]));
const latencies = new Map<string, number[]>(names.map((n) => [n, []]));

async function round(name: string, count: number, record: boolean): Promise<void> {
  const fn = contenders[name]!;
  const lat = latencies.get(name)!;
  let issued = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (issued++ < count) {
        const s = performance.now();
        await fn();
        if (record) lat.push(performance.now() - s);
      }
    }),
  );
  if (!record) return;
  const c = process.cpuUsage(c0);
  rounds.get(name)!.push({ rps: (count / (performance.now() - t0)) * 1000, cpu: (c.user + c.system) / count });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const pct = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

// ---- Phase 1: client-side cost without the network (runs first, on a clean heap) --------------
// A fetch stand-in that does the input-dependent part of fetch's client work (building the Request)
// and answers from memory. Far less sensitive to machine load than loopback timings, it splits the
// overhead into the runtime's own JavaScript and the price of handing fetch an AbortSignal.
const payload = JSON.stringify({ data: [{ id: 1, name: "a" }] });
const replyHeaders = { "content-type": "application/json", "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "999", "x-ratelimit-reset": "60" };
const inMemoryFetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
  void new Request(input, init);
  return new Response(payload, { headers: replyHeaders });
};
const memOptions = { baseUrl, fetch: inMemoryFetch, auth: { bearer: () => "token-abc" }, circuitBreaker: true } as const;
const memRuntime = createRuntime(memOptions);
const memRuntimeNoTimeout = createRuntime({ ...memOptions, timeoutMs: 0 });
const memContenders: Record<string, () => Promise<unknown>> = {
  "fetch stand-in": async () => (await inMemoryFetch(url, { headers: auth })).json(),
  "fetch stand-in + timeout": async () => {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), 10_000);
    const res = await inMemoryFetch(url, { headers: auth, signal: ac.signal });
    clearTimeout(timer);
    return res.json();
  },
  "runtime.fetch": async () => (await memRuntime.fetch(url)).json(),
  "runtime.fetch, timeoutMs 0": async () => (await memRuntimeNoTimeout.fetch(url)).json(),
};
const memTimes = new Map<string, number[]>(Object.keys(memContenders).map((n) => [n, []]));
const timeLoop = async (fn: () => Promise<unknown>, n: number): Promise<number> => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return ((performance.now() - t0) * 1000) / n;
};
for (const fn of Object.values(memContenders)) await timeLoop(fn, 5000);
for (let r = 0; r < 15; r++) for (const [n, fn] of Object.entries(memContenders)) memTimes.get(n)!.push(await timeLoop(fn, 4000));
const mem = new Map([...memTimes].map(([n, xs]) => [n, median(xs)]));

// ---- Phase 2: loopback ------------------------------------------------------------------------
// Warm up JIT and keep-alive pools for every contender.
for (const n of names) await round(n, 1000, false);
for (let r = 0; r < ROUNDS; r++) {
  for (let i = 0; i < names.length; i++) await round(names[(i + r) % names.length]!, PER_ROUND, true);
}
child.kill();

const stats = new Map(
  names.map((n) => {
    const xs = latencies.get(n)!.sort((a, b) => a - b);
    const rs = rounds.get(n)!;
    return [n, { rps: median(rs.map((r) => r.rps)), cpu: median(rs.map((r) => r.cpu)), p50: pct(xs, 50), p99: pct(xs, 99) }] as const;
  }),
);

console.log(`overhead: ${ROUNDS} interleaved rounds × ${PER_ROUND} requests per contender, concurrency ${CONCURRENCY}, loopback, Node ${process.version}`);
console.log(`${"contender".padEnd(30)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"CPU µs/req".padStart(12)}`);
for (const [n, s] of stats) {
  console.log(`${n.padEnd(30)}${s.rps.toFixed(0).padStart(9)}${s.p50.toFixed(3).padStart(9)}${s.p99.toFixed(3).padStart(9)}${s.cpu.toFixed(1).padStart(12)}`);
}
/** Median of per-round ratios: both sides of a ratio come from adjacent rounds under the same load. */
const ratioOf = (a: string, b: string, key: keyof RoundStat): number => {
  const ra = rounds.get(a)!;
  const rb = rounds.get(b)!;
  return median(ra.map((x, i) => x[key] / rb[i]![key]));
};
for (const [a, b] of [
  ["runtime.fetch", "bare fetch"],
  ["runtime.fetch", "bare fetch + timeout"],
  ["runtime.fetch, timeoutMs 0", "bare fetch"],
  ["openapi-fetch + runtime", "openapi-fetch"],
  ["openapi-fetch + runtime", "bare fetch"],
] as const) {
  const cpu = ratioOf(a, b, "cpu");
  const rps = ratioOf(a, b, "rps");
  const x = stats.get(a)!;
  const y = stats.get(b)!;
  console.log(
    `${a} vs ${b}: req/s ×${rps.toFixed(3)}, p50 ×${(x.p50 / y.p50).toFixed(3)}, p99 ×${(x.p99 / y.p99).toFixed(3)}, ` +
      `CPU/req ×${cpu.toFixed(3)} → overhead ${((cpu - 1) * 100).toFixed(1)}% CPU, ${((1 / rps - 1) * 100).toFixed(1)}% throughput`,
  );
}

console.log("\nclient-side cost per call without the network (median of 15 rounds × 4000 sequential calls):");
for (const [n, us] of mem) console.log(`  ${n.padEnd(30)}${us.toFixed(1).padStart(7)} µs`);
const own = mem.get("runtime.fetch, timeoutMs 0")! - mem.get("fetch stand-in")!;
const signal = mem.get("fetch stand-in + timeout")! - mem.get("fetch stand-in")!;
const loopback = stats.get("bare fetch")!.cpu;
console.log(
  `  → runtime's own work ≈ ${own.toFixed(1)} µs/request (${((own / loopback) * 100).toFixed(1)}% of a ${loopback.toFixed(0)} µs loopback request); ` +
    `a per-request timeout signal costs ≈ ${signal.toFixed(1)} µs in Node's fetch, with or without the runtime`,
);
