// The main job after `turbo run build docs` (lint → bundle → generate → build, and the HTML API
// reference): serve the mock API and, beside it, the API reference.
//
//   node tools/scripts/start.mjs [mock options]     (DOCS_PORT=4011 moves the reference)
import { spawn } from "node:child_process";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { startDocsServer } from "./docs-server.mjs";
import { onInterrupt } from "./interrupt.mjs";
import { loadConfig } from "./codegen.mjs";

const mock = fileURLToPath(new URL("./mock.mjs", import.meta.url));
let config;
try {
  config = await loadConfig();
} catch (err) {
  console.error(`start: ${err.message}`);
  process.exit(1);
}
const file = join(config.spec.dir, "dist/docs/index.html");
const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.DOCS_PORT ?? config.docs.port);

let docs;
try {
  docs = await startDocsServer({ host, port, file });
} catch (err) {
  console.error(`start: cannot serve the API reference on ${host}:${port}: ${err.message} (DOCS_PORT picks another port)`);
  process.exit(1);
}
const shown = relative(process.cwd(), file) || file;

// The reference is announced right after the mock's own "ready" line, so both URLs end up
// together below Prism's route listing.
// stdin stays here: this process reads Ctrl+C from the terminal (see interrupt.mjs).
const child = spawn(process.execPath, [mock, ...process.argv.slice(2)], { stdio: ["ignore", "pipe", "inherit"] });
let announced = false;
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Mock .* ready at/.test(String(chunk))) {
    announced = true;
    console.log(`API reference ready at ${docs.url} — ${shown}, re-read on every request.\n\nCtrl+C or q stops both.\n`);
  }
});
let stopping = false;
onInterrupt(() => {
  stopping = true;
  child.kill("SIGTERM");
});
child.on("exit", async (code, signal) => {
  await docs.close();
  // Stopped on purpose (Ctrl+C, q, a signal): a clean exit. The mock failing on its own: its code.
  process.exit(stopping || signal ? 0 : (code ?? 0));
});
