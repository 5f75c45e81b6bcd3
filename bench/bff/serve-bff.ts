/**
 * The BFF of the bench, in its own process (so its CPU is measured apart from the load generator):
 * the package's sources, configured as in production — CORS allowlist, client ids, a per-client
 * limit high enough never to refuse, validation on, circuit breaker, secret scrubbing; the rate
 * limit in memory, or in Redis when a URL is given.
 *   tsx serve-bff.ts <upstreamUrl> <cache: on|off> [redisUrl]   → prints its origin
 */
import { createBff, serveNode } from "../../packages/bff/src/index.js";

const [upstream, cache, redis] = process.argv.slice(2);
const bff = createBff({
  upstream: { url: upstream!, auth: { apiKey: "sk_live_bench_0123456789" }, cache: cache === "on" ? { ttlMs: 600_000 } : false },
  operations: ["listUsers", "createUser"],
  cors: { origins: ["https://app.example.test"] },
  rateLimit: { limit: 1_000_000_000, windowMs: 60_000 },
  ...(redis ? { redis: { url: redis, keyPrefix: `bench:${process.pid}:` } } : {}),
});
const server = await serveNode(bff, { port: 0 });
console.log(server.url);
