import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { freePort, superviseMock } from "../../tools/scripts/mock-supervisor.mjs";

export { freePort };

const root = fileURLToPath(new URL("../../", import.meta.url));
const prismBin = `${root}node_modules/.bin/prism`;

export interface PrismProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Everything Prism printed, for failure messages. */
  output(): string;
}

/**
 * Starts a real Prism process (`mock`, or `proxy <upstream>`) on 127.0.0.1 and resolves once it
 * listens. Errors validating the spec make it fail fast with Prism's own output. It runs behind the
 * same supervisor as `pnpm mock` (tools/scripts/mock-supervisor.mjs): a request that crashes Prism
 * fails alone, with a 502 naming Prism's error, and the cases after it find Prism back.
 */
export async function startPrism(spec: string, options: { proxy?: string; args?: string[]; timeoutMs?: number } = {}): Promise<PrismProcess> {
  // Prism parses and dereferences the whole spec first: ~10 s for a 3 MB one on a quiet machine,
  // many times that on a loaded CI runner. A minute per MB, at least one.
  const timeoutMs = options.timeoutMs ?? Math.max(60_000, Math.ceil(statSync(spec).size / 1e6) * 60_000);
  const args = options.proxy ? ["proxy", spec, options.proxy, "--errors"] : ["mock", spec];
  return superviseStart([...args, ...(options.args ?? [])], timeoutMs);
}

async function superviseStart(prismArgs: string[], timeoutMs: number): Promise<PrismProcess> {
  let out = "";
  let settle!: { resolve(): void; reject(e: Error): void };
  const started = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const mock = await superviseMock({
    prismBin,
    prismArgs,
    host: "127.0.0.1",
    port: 0,
    line: (_stream, text) => (out += `${text}\n`),
    ready: () => settle.resolve(),
    say: (text) => (out += `mock: ${text}\n`),
    exit: (code) => settle.reject(new Error(`Prism exited with ${code}:\n${out}`)),
  });
  // A Prism that never got ready is stopped, not left running after the suite gives up on it.
  const timer = setTimeout(() => settle.reject(new Error(`Prism did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
  try {
    await started;
  } catch (e) {
    await mock.stop();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return { url: mock.url, port: Number(new URL(mock.url).port), output: () => out, stop: () => mock.stop() };
}
