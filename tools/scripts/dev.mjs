// `pnpm dev`: the watch loop, and the mock server and API reference that follow it.
//
//   node tools/scripts/dev.mjs [--port 4010] [--docs-port 4011] [--host 127.0.0.1] [--no-mock] [--no-docs] [--cli] [--root <dir>]
//
// * The loop (the code generator's dev/main, a child process: in specforge's repository its
//   sources run with tsx; in a scaffolded project, @specforge/codegen's compiled one) watches spec/: on save
//   it lints, bundles and regenerates the packages in-process, writing only files whose bytes
//   changed, and keeps the last good output when the spec is broken.
// * A change to the generators' sources (tools/codegen/src, in specforge's repository) or to the
//   Redocly plugins (spec/plugins) restarts the loop, so the new code is imported fresh.
// * Prism serves packages/mocks/src/generated/openapi.mock.json and reloads it by itself when it
//   changes (Prism 5.16 watches the file it serves), so it is started once.
// * The API reference (spec/dist/docs/index.html) is rebuilt in the background after each new
//   bundle; the docs server re-reads it per request and reloads the open page.
import { fork, spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startDocsServer } from "./docs-server.mjs";
import { onInterrupt } from "./interrupt.mjs";
import { devLoop, loadConfig, watchTree } from "./codegen.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const USAGE = `Usage: node tools/scripts/dev.mjs [options]

  --port <n>         mock server port (default: $PORT, else mock.port of specforge.config.ts)
  --docs-port <n>    API reference port (default: $DOCS_PORT, else docs.port of the config)
  --host <host>      interface of both (default: $HOST, else mock.host of the config)
  --no-mock          no Prism
  --no-docs          no API reference (neither built nor served)
  --cli              run the Redocly CLI per change instead of its engine in-process (slower)
  --root <dir>       folder with specforge.config.ts, the spec and packages/ (default: this repository)
  -h, --help         this text`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string" },
      "docs-port": { type: "string" },
      host: { type: "string" },
      "no-mock": { type: "boolean" },
      "no-docs": { type: "boolean" },
      cli: { type: "boolean" },
      root: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  }));
} catch (err) {
  console.error(`dev: ${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const root = resolve(values.root ?? repo);
let config;
try {
  config = await loadConfig({ cwd: root });
} catch (err) {
  console.error(`dev: ${err.message}`);
  process.exit(1);
}
const host = values.host ?? process.env.HOST ?? config.mock.host;
const port = values.port ?? process.env.PORT ?? String(config.mock.port);
const docsPort = Number(values["docs-port"] ?? process.env.DOCS_PORT ?? config.docs.port);
const specDir = config.spec.dir;
const mocksPackage = config.packages.find((p) => p.kind === "mocks");
const mockSpec = mocksPackage ? join(mocksPackage.dir, "src/generated/openapi.mock.json") : config.spec.bundleJson;
const env = { ...process.env, REDOCLY_TELEMETRY: "off", TURBO_TELEMETRY_DISABLED: "1" };
const children = new Set();
const own = (child) => (children.add(child), child.on("exit", () => children.delete(child)), child);
const say = (line) => console.log(`dev: ${line}`);

// ---- the loop ------------------------------------------------------------------------------
let loop;
let restarting = false;
let firstCycle = true;

function startLoop() {
  const args = ["--root", root, ...(values.cli ? ["--cli"] : [])];
  loop = own(fork(devLoop.entry, args, { execArgv: devLoop.execArgv, env, stdio: ["ignore", "inherit", "inherit", "ipc"] }));
  loop.on("message", (event) => {
    if (event.type !== "cycle" || !event.ok) return;
    if (firstCycle) {
      firstCycle = false;
      startMock();
    }
    const docsHtml = join(specDir, "dist/docs/index.html");
    const stale = !existsSync(docsHtml) || statSync(docsHtml).mtimeMs < statSync(config.spec.bundleJson).mtimeMs;
    if (event.written.length || stale) buildDocs();
  });
  loop.on("exit", (code, signal) => {
    loop = undefined;
    if (restarting) {
      restarting = false;
      startLoop();
    } else if (!stopping) {
      say(`the watch loop exited (${signal ?? `code ${code}`}); it restarts on the next change to ${devLoop.sources ? "tools/codegen/src or " : ""}spec/plugins`);
    }
  });
}

// The generators changed: restart the loop so it imports them fresh.
let restartTimer;
const onGeneratorChange = (what) => {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    say(`${what} changed: restarting the watch loop`);
    if (!loop) return startLoop();
    restarting = true;
    loop.kill("SIGTERM");
  }, 150);
};
const watchers = [
  ...(devLoop.sources ? [watchTree(devLoop.sources, { onChange: (p) => onGeneratorChange(`tools/codegen/src/${p}`) })] : []),
  ...(existsSync(join(specDir, "plugins")) ? [watchTree(join(specDir, "plugins"), { onChange: (p) => onGeneratorChange(`spec/plugins/${p}`) })] : []),
];

// ---- Prism ---------------------------------------------------------------------------------
const ROUTE_LISTING = /\[CLI\].*\binfo\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s+http/;
let mockStarted = false;
function startMock() {
  if (values["no-mock"] || mockStarted || !existsSync(mockSpec)) return;
  mockStarted = true;
  const child = own(spawn(process.execPath, [join(repo, "tools/scripts/mock.mjs"), "--port", port, "--host", host, "--spec", mockSpec], { env, stdio: ["ignore", "pipe", "pipe"] }));
  const prefix = (stream, out) => {
    let rest = "";
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop();
      // Prism lists every route on each (re)load of the spec: on every save, that is noise.
      for (const line of lines) if (!ROUTE_LISTING.test(line)) out.write(`mock │ ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    if (!stopping) say(`the mock server exited (${signal ?? `code ${code}`}); restart pnpm dev to get it back`);
  });
}
// With a mock spec already there, Prism starts at once; otherwise after the first good run.
if (existsSync(mockSpec)) startMock();

// ---- API reference -------------------------------------------------------------------------
let docs;
let building;
let buildAgain = false;
let lastDocsError = "";
function buildDocs() {
  if (values["no-docs"]) return;
  if (building) {
    buildAgain = true;
    return;
  }
  // The spec package's own `docs` script, as `pnpm run docs` would run it there.
  const script = JSON.parse(readFileSync(join(specDir, "package.json"), "utf8")).scripts?.docs;
  if (!script) return;
  // The project's bins, then this repository's (a copy of a project, as the tests use, has none).
  const bin = [join(specDir, "node_modules/.bin"), join(root, "node_modules/.bin"), join(repo, "spec/node_modules/.bin"), join(repo, "node_modules/.bin")].join(":");
  // Its own process group: stopping must reach redocly under the shell too.
  const child = spawn("sh", ["-c", script], { cwd: specDir, env: { ...env, PATH: `${bin}:${env.PATH}` }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.kill = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
    return true;
  };
  building = own(child);
  let output = "";
  building.stdout.on("data", (c) => (output += c));
  building.stderr.on("data", (c) => (output += c));
  building.on("exit", (code, signal) => {
    building = undefined;
    if (stopping) return;
    if (code === 0) {
      if (lastDocsError) say("API reference rebuilt");
      lastDocsError = "";
    } else if (!signal) {
      const tail = output.split("\n").filter((l) => l.trim() && !/[║╔╚]/.test(l)).slice(-5).join("\n  ");
      if (tail !== lastDocsError) say(`API reference build failed (the page keeps its last version):\n  ${tail}`);
      lastDocsError = tail;
    }
    if (buildAgain) {
      buildAgain = false;
      buildDocs();
    }
  });
}
if (!values["no-docs"]) {
  try {
    docs = await startDocsServer({ host, port: docsPort, file: join(specDir, "dist/docs/index.html"), reload: true });
    say(`API reference at ${docs.url} (rebuilt in the background after each change; the page reloads itself)`);
  } catch (err) {
    say(`cannot serve the API reference on ${host}:${docsPort}: ${err.message} (--docs-port picks another, --no-docs skips it)`);
  }
}

// ---- stop ----------------------------------------------------------------------------------
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearTimeout(restartTimer);
  for (const w of watchers) w.close();
  const exits = [...children].map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once("exit", r))));
  for (const c of children) c.kill("SIGTERM");
  await Promise.all([...exits, docs?.close()]);
  process.exit(0);
}
onInterrupt(stop);

startLoop();
