/**
 * The soak's fault server, in its own process so the soak measures the client's memory alone.
 * Prints its URL; answers `{ type: "stats" }` on IPC with what it saw.
 *   tsx soak-server.ts <faultRate> <seed> <stallMs>
 */
import { FaultServer } from "../../packages/runtime/test/fault-server.js";

const [rate, seed, stallMs] = process.argv.slice(2).map(Number);
const server = await new FaultServer().start();
server.randomFaults({ rate: rate!, seed: seed!, match: /^\/soak\//, bodyFaults: { stallMs: stallMs! } });

// Per logical request (the client's X-Request-Id, the same on every retry): attempts, and whether
// its last attempt got the non-retryable fault (a 200 whose body is not JSON). Only the last: on a
// loaded machine an attempt can time out on the client before that body arrives, and is retried.
const attempts = new Map<string, number>();
const invalidJson = new Set<string>();
server.listener = (req, fault) => {
  const id = String(req.headers["x-request-id"] ?? "");
  attempts.set(id, (attempts.get(id) ?? 0) + 1);
  if (fault?.invalidJson) invalidJson.add(id);
  else invalidJson.delete(id);
};

process.on("message", (m: { type: string }) => {
  if (m.type !== "stats") return;
  const applied = [...server.state.applied.values()];
  process.send!({
    faults: server.faultsInjected,
    kinds: Object.fromEntries(server.injected),
    attempts: Object.fromEntries(attempts),
    invalidJson: [...invalidJson],
    applied: Object.fromEntries(server.state.applied),
    duplicated: applied.filter((n) => n > 1).length,
  });
});
process.on("disconnect", () => void server.close().then(() => process.exit(0)));
console.log(server.url);
