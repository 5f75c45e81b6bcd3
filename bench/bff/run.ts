/**
 * What the BFF adds: the same requests sent to the upstream directly and through the BFF, side by
 * side in one run on loopback. Four processes: this load generator, the upstream (a minimal
 * node:http server with fixed spec-valid bodies) and two BFFs (package sources, production-like
 * config; one with the GET cache on), plus, when redis-server is installed, a Redis and a third
 * BFF whose rate limit lives there (what the Redis store adds over memory). Two phases: latency (one request at a time: what a hop
 * adds) and throughput (`concurrency` at once: what a saturated BFF serves). Rounds are
 * interleaved with rotating order; req/s is a median over rounds, latencies are percentiles over
 * every recorded request, so load spikes from other jobs hit single rounds.
 *
 *   npx tsx bench/bff/run.ts [rounds=20] [requestsPerRound=400] [concurrency=16]
 *
 * Checks every response (status and body) and exits non-zero on any failure.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
// Relative source imports (as bench/runtime does): no workspace dependency, no build of the bench.
import { componentFixtures, responseFixtures } from "../../packages/mocks/src/index.js";
import { findRedisServer, startRedis } from "../../packages/bff/test/redis-server.js";

const ROUNDS = Number(process.argv[2] ?? 20);
const PER_ROUND = Number(process.argv[3] ?? 400);
const CONCURRENCY = Number(process.argv[4] ?? 16);
const here = fileURLToPath(new URL(".", import.meta.url));

const fixtures = responseFixtures as Record<string, Record<string, Record<string, unknown>>>;
const listBody = JSON.stringify(fixtures.listUsers!["200"]!["application/json"]);
const createdBody = JSON.stringify(fixtures.createUser!["201"]!["application/json"]);
const createBody = JSON.stringify(componentFixtures.UserCreate);

const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((c) => c.kill()));

/** Starts a child and resolves with the first line it prints (its port or URL). */
function start(command: string, args: string[]): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
    child.stdout!.once("data", (d: Buffer) => resolve({ child, line: String(d).trim().split("\n")[0]! }));
  });
}

// tsx as a loader (not its CLI, which would run the BFF in a grandchild): the BFF is the child we measure.
const tsx = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href;
const up = await start(process.execPath, [`${here}upstream.mjs`, listBody, createdBody]);
const upstream = `http://127.0.0.1:${up.line}`;
const bff = await start(process.execPath, ["--import", tsx, `${here}serve-bff.ts`, upstream, "off"]);
const bffCached = await start(process.execPath, ["--import", tsx, `${here}serve-bff.ts`, upstream, "on"]);
// The same BFF with its rate limit in Redis (Debian's redis-server on loopback, its own throwaway
// dir; append-only file with fsync every second, Redis's default for it).
const redisBinary = findRedisServer();
if (!redisBinary) console.error("bff bench: no redis-server (apt-get install -y redis-server): the Redis contenders are left out");
const redis = redisBinary ? await startRedis(redisBinary, { appendfsync: "everysec" }) : undefined;
const bffRedis = redis ? await start(process.execPath, ["--import", tsx, `${here}serve-bff.ts`, upstream, "off", redis.url]) : undefined;

/** CPU time (user + system, µs) a child has used so far, from /proc (Linux); 0 elsewhere. */
const ticksPerSec = 100;
function cpuOf(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSec) * 1e6;
  } catch {
    return 0;
  }
}

type Contender = { send: (worker: number) => Promise<boolean>; proc: ChildProcess; kind: "GET" | "POST" };
const browserHeaders = (worker: number) => ({ origin: "https://app.example.test", "x-client-id": `tab-${worker}` });
const get = (base: string, viaBff: boolean) => async (worker: number) => {
  const res = await fetch(`${base}/users?page=1&limit=20`, viaBff ? { headers: browserHeaders(worker) } : { headers: { "x-api-key": "sk_live_bench_0123456789" } });
  return res.status === 200 && (await res.text()).length === listBody.length;
};
const post = (base: string, viaBff: boolean) => async (worker: number) => {
  const headers = { "content-type": "application/json", ...(viaBff ? browserHeaders(worker) : { "x-api-key": "sk_live_bench_0123456789" }) };
  const res = await fetch(`${base}/users`, { method: "POST", headers, body: createBody });
  return res.status === 201 && (await res.text()).length === createdBody.length;
};
const contenders: Record<string, Contender> = {
  "GET direct": { send: get(upstream, false), proc: up.child, kind: "GET" },
  "GET via BFF": { send: get(`${bff.line}/api`, true), proc: bff.child, kind: "GET" },
  "GET via BFF, cache on": { send: get(`${bffCached.line}/api`, true), proc: bffCached.child, kind: "GET" },
  "POST direct": { send: post(upstream, false), proc: up.child, kind: "POST" },
  "POST via BFF": { send: post(`${bff.line}/api`, true), proc: bff.child, kind: "POST" },
  ...(bffRedis
    ? {
        "GET via BFF, Redis store": { send: get(`${bffRedis.line}/api`, true), proc: bffRedis.child, kind: "GET" as const },
        "POST via BFF, Redis store": { send: post(`${bffRedis.line}/api`, true), proc: bffRedis.child, kind: "POST" as const },
      }
    : {}),
};
const names = Object.keys(contenders);
type RoundStat = { rps: number; cpu: number };
type Phase = { rounds: Map<string, RoundStat[]>; latencies: Map<string, number[]> };
const phase = (): Phase => ({ rounds: new Map(names.map((n) => [n, []])), latencies: new Map(names.map((n) => [n, []])) });
let failures = 0;
let checked = 0;

async function round(into: Phase | undefined, name: string, count: number, concurrency: number): Promise<void> {
  const { send, proc } = contenders[name]!;
  const lat = into?.latencies.get(name);
  let issued = 0;
  const c0 = cpuOf(proc);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (issued++ < count) {
        const s = performance.now();
        const ok = await send(worker).catch(() => false);
        checked++;
        if (!ok) failures++;
        lat?.push(performance.now() - s);
      }
    }),
  );
  into?.rounds.get(name)!.push({ rps: (count / (performance.now() - t0)) * 1000, cpu: (cpuOf(proc) - c0) / count });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
async function run(concurrency: number, perRound: number): Promise<Phase> {
  const into = phase();
  for (let r = 0; r < ROUNDS; r++) for (let i = 0; i < names.length; i++) await round(into, names[(i + r) % names.length]!, perRound, concurrency);
  return into;
}

for (const n of names) await round(undefined, n, 1000, CONCURRENCY); // JIT, keep-alive pools, the BFF's tsx load
const latency = await run(1, Math.max(20, Math.round(PER_ROUND / 8)));
const load = await run(CONCURRENCY, PER_ROUND);

const summary = (p: Phase, n: string) => {
  const xs = p.latencies.get(n)!.sort((a, b) => a - b);
  const rs = p.rounds.get(n)!;
  // CPU of a direct call is the upstream's; via the BFF it is the BFF process's own.
  return { rps: median(rs.map((r) => r.rps)), p50: pct(xs, 50), p99: pct(xs, 99), cpu: rs.reduce((a, r) => a + r.cpu, 0) / rs.length };
};
const one = new Map(names.map((n) => [n, summary(latency, n)]));
const many = new Map(names.map((n) => [n, summary(load, n)]));

console.log(`bff: ${ROUNDS} interleaved rounds per phase, loopback, Node ${process.version}; latency phase: 1 request at a time, ${latency.latencies.get(names[0]!)!.length} per contender; load phase: concurrency ${CONCURRENCY}, ${ROUNDS * PER_ROUND} per contender`);
console.log("");
console.log("| contender | p50 ms (1 at a time) | p99 ms (1 at a time) | req/s (c=" + CONCURRENCY + ") | p50 ms (c=" + CONCURRENCY + ") | p99 ms (c=" + CONCURRENCY + ") | server CPU µs/req |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const n of names) {
  const a = one.get(n)!;
  const b = many.get(n)!;
  console.log(`| ${n} | ${a.p50.toFixed(2)} | ${a.p99.toFixed(2)} | ${b.rps.toFixed(0)} | ${b.p50.toFixed(2)} | ${b.p99.toFixed(2)} | ${b.cpu.toFixed(0)} |`);
}
console.log("");
/** Median of per-round ratios: both sides of a ratio come from adjacent rounds under the same load. */
const ratio = (a: string, b: string): number => median(load.rounds.get(a)!.map((x, i) => x.rps / load.rounds.get(b)![i]!.rps));
for (const [a, b] of [
  ["GET via BFF", "GET direct"],
  ["GET via BFF, cache on", "GET direct"],
  ["POST via BFF", "POST direct"],
  ...(bffRedis
    ? ([
        ["GET via BFF, Redis store", "GET via BFF"],
        ["POST via BFF, Redis store", "POST via BFF"],
      ] as const)
    : []),
] as const) {
  const x = one.get(a)!;
  const y = one.get(b)!;
  console.log(`${a} vs ${b}: added latency p50 +${(x.p50 - y.p50).toFixed(2)} ms, p99 +${(x.p99 - y.p99).toFixed(2)} ms (1 at a time); req/s ×${ratio(a, b).toFixed(2)} (c=${CONCURRENCY})`);
}
console.log(`\nresponses checked: ${checked}, failures: ${failures}`);
children.forEach((c) => c.kill());
await redis?.stop();
process.exit(failures === 0 ? 0 : 1);
