/**
 * The shared stores alone, in one process: what a rate-limit hit and a webhook claim cost in
 * memory and in Redis (Debian's redis-server on loopback, a throwaway dir, append-only file with
 * fsync every second: Redis's default for it). Rounds interleave the four contenders with rotating order; latencies are
 * percentiles over every call. No HTTP, so this is the store's own share of a request.
 *
 *   npx tsx bench/bff/stores.ts [rounds=20] [callsPerRound=1000]
 */
import { MemoryIdempotencyStore } from "../../packages/runtime/src/index.js";
import { RedisConnection, RedisIdempotencyStore, RedisSlidingWindowStore, SlidingWindowStore } from "../../packages/bff/src/index.js";
import { findRedisServer, startRedis } from "../../packages/bff/test/redis-server.js";

const ROUNDS = Number(process.argv[2] ?? 20);
const PER_ROUND = Number(process.argv[3] ?? 1000);

const binary = findRedisServer();
if (!binary) {
  console.error("bff stores bench: no redis-server (apt-get install -y redis-server)");
  process.exit(1);
}
const redis = await startRedis(binary, { appendfsync: "everysec" });
const connection = new RedisConnection({ url: redis.url, keyPrefix: "bench:" }, undefined);
await connection.ready();

const memoryLimit = new SlidingWindowStore();
const redisLimit = new RedisSlidingWindowStore(connection, "bench:");
const memoryIds = new MemoryIdempotencyStore();
const redisIds = new RedisIdempotencyStore(connection, "bench:");
let n = 0;
// 16 clients as in run.ts; a limit that never refuses, so every hit writes.
const contenders: Record<string, () => unknown> = {
  "rate-limit hit, memory": () => memoryLimit.hit(`tab-${n++ % 16}`, Date.now(), 1_000_000_000, 60_000),
  "rate-limit hit, Redis": () => redisLimit.hit(`tab-${n++ % 16}`, Date.now(), 1_000_000_000, 60_000),
  "webhook claim, memory": () => memoryIds.claim(`msg_${n++}`, 72 * 3_600_000),
  "webhook claim, Redis": () => redisIds.claim(`msg_${n++}`, 72 * 3_600_000),
};
const names = Object.keys(contenders);
const latencies = new Map(names.map((name) => [name, [] as number[]]));

async function round(name: string, count: number, record: boolean): Promise<void> {
  const call = contenders[name]!;
  const into = latencies.get(name)!;
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await call();
    if (record) into.push((performance.now() - t) * 1000);
  }
}

for (const name of names) await round(name, 2_000, false);
for (let r = 0; r < ROUNDS; r++) for (let i = 0; i < names.length; i++) await round(names[(i + r) % names.length]!, PER_ROUND, true);

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const stats = new Map(names.map((name) => [name, latencies.get(name)!.sort((a, b) => a - b)]));
console.log(`bff stores: ${ROUNDS} interleaved rounds × ${PER_ROUND} sequential calls per contender, one process, Redis ${redis.url.replace(/:\d+$/, "")} (loopback), Node ${process.version}`);
console.log("");
console.log("| contender | p50 µs | p99 µs |");
console.log("|---|---:|---:|");
for (const name of names) console.log(`| ${name} | ${pct(stats.get(name)!, 50).toFixed(1)} | ${pct(stats.get(name)!, 99).toFixed(1)} |`);
console.log("");
for (const [a, b] of [
  ["rate-limit hit, Redis", "rate-limit hit, memory"],
  ["webhook claim, Redis", "webhook claim, memory"],
] as const) {
  const x = stats.get(a)!;
  const y = stats.get(b)!;
  console.log(`${a} vs ${b}: added p50 +${(pct(x, 50) - pct(y, 50)).toFixed(1)} µs, p99 +${(pct(x, 99) - pct(y, 99)).toFixed(1)} µs`);
}
await connection.close();
await redis.stop();
