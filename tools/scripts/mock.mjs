// `pnpm mock`: the Prism 5.16 mock server on the MOCK SPEC — the bundled contract with the generated,
// schema-valid fixtures injected as named examples (packages/mocks/src/generated/openapi.mock.json).
//
//   node tools/scripts/mock.mjs [--port 4010] [--host 127.0.0.1] [--spec file] [--dynamic [--seed N]]
//
// Static mode (default) answers with the spec's examples, else the injected fixture; `Prefer: code=404`
// or `Prefer: example=<name>` pick another response. CORS is on and requests are validated (Prism's
// defaults: an invalid request gets the spec's 400/422 answer, violations in the `sl-violations` header).
// `--dynamic` makes Prism generate bodies from the schemas (json-schema-faker) instead, `--seed N`
// making that deterministic. Also started by `pnpm start` (tools/scripts/start.mjs) after the build.
import { existsSync, readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { onInterrupt } from "./interrupt.mjs";
import { loadConfig, terminalText } from "./codegen.mjs";
import { superviseMock } from "./mock-supervisor.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const USAGE = `Usage: node tools/scripts/mock.mjs [options]

  --port <n>      port (default: $PORT, else mock.port of specforge.config.ts: 4010)
  --host <host>   interface (default: $HOST, else mock.host of the config: 127.0.0.1)
  --spec <file>   document to serve (default: the mocks package's src/generated/openapi.mock.json)
  --dynamic       generate responses from the schemas (Prism -d) instead of examples/fixtures
  --seed <n>      seed of --dynamic generation (deterministic responses)
  -h, --help      this text`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      spec: { type: "string" },
      dynamic: { type: "boolean", short: "d" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  }));
} catch (err) {
  console.error(`mock: ${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

let config;
try {
  config = await loadConfig();
} catch (err) {
  console.error(`mock: ${err.message}`);
  process.exit(1);
}
const port = String(values.port ?? process.env.PORT ?? config.mock.port);
const host = String(values.host ?? process.env.HOST ?? config.mock.host);
if (!/^\d+$/.test(port) || Number(port) > 65535) {
  console.error(`mock: invalid port ${JSON.stringify(port)}`);
  process.exit(2);
}
if (values.seed !== undefined && !values.dynamic) {
  console.error("mock: --seed only applies to --dynamic (static mode serves the committed fixtures, generated with the codegen --seed)");
  process.exit(2);
}
const mocksPackage = config.packages.find((p) => p.kind === "mocks");
const spec = values.spec ?? (mocksPackage ? join(mocksPackage.dir, "src/generated/openapi.mock.json") : config.spec.bundleJson);
if (!existsSync(spec)) {
  console.error(`mock: ${spec} does not exist; generate it first: npx -y pnpm@12.4.2 generate`);
  process.exit(1);
}

// Prism answers a busy port with its whole usage text; one line that names the fix is better.
const busy = await new Promise((resolve) => {
  const probe = createServer();
  probe.once("error", (err) => resolve(err.code === "EADDRINUSE" || err.code === "EACCES" ? err.code : undefined));
  probe.listen(Number(port), host, () => probe.close(() => resolve(undefined)));
});
if (busy) {
  const why = busy === "EADDRINUSE" ? "is already in use" : "is not allowed for this user";
  console.error(`mock: port ${port} on ${host} ${why}; pick another with --port <n> (or PORT=<n>)${process.env.npm_lifecycle_event === "start" ? "; the API reference moves with DOCS_PORT=<n>" : ""}`);
  process.exit(1);
}

// A spec with webhooks only: Prism refuses to start ("No operations found"), which would end
// `start` too. Every request then gets a 404 problem saying why, and the API reference still runs.
if (!hasOperations(spec)) {
  const body = JSON.stringify({ type: "about:blank", title: "Not Found", status: 404, detail: "The spec has no operations (webhooks only): there is nothing to mock" });
  const server = createHttpServer((req, res) => {
    req.resume();
    res.writeHead(404, { "content-type": "application/problem+json", "access-control-allow-origin": "*" }).end(body);
  });
  server.listen(Number(port), host, () => {
    const shown = relative(process.cwd(), spec) || spec;
    console.log(`\nMock ${terminalText(config.name, true)} ready at http://${host}:${port} — ${shown} has no operations (webhooks only), so every request gets 404. Ctrl+C stops it.\n`);
  });
  onInterrupt(() => server.close(() => process.exit(0)));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
} else {
  await startPrism();
}

/** Whether the document has at least one operation under `paths` (unreadable: assume so, Prism reports it). */
function hasOperations(file) {
  try {
    const doc = JSON.parse(readFileSync(file, "utf8"));
    return Object.values(doc.paths ?? {}).some((item) => item && typeof item === "object" && ["get", "put", "post", "delete", "options", "head", "patch", "trace"].some((m) => m in item));
  } catch {
    return true;
  }
}

async function startPrism() {
  // The project's Prism, else this repository's.
  const prismBin = [join(config.root, "node_modules/.bin/prism"), `${root}node_modules/.bin/prism`].find((p) => existsSync(p)) ?? "prism";
  const prismArgs = ["mock", spec, "--cors"];
  if (values.dynamic) {
    prismArgs.push("--dynamic");
    if (values.seed !== undefined) prismArgs.push("--seed", values.seed);
  }
  // Prism echoes the spec (paths, messages), line feeds included: a path holding "\n::error::…" would
  // start a line of its own, which a CI log reads as a workflow command. So each line Prism writes is
  // shown on one line (the codegen CLI's escaping: no line terminator or control sequence of the spec
  // survives) behind our own "prism: ", and a line is written only once it is complete.
  const line = (stream, text) => process[stream].write(`prism: ${terminalText(text.endsWith("\r") ? text.slice(0, -1) : text, true)}\n`);
  const mode = values.dynamic ? `dynamic responses${values.seed !== undefined ? ` (seed ${values.seed})` : ""}` : "examples and generated fixtures";
  let mock;
  try {
    // Prism behind a front server that restarts it when a request crashes it (see mock-supervisor.mjs).
    mock = await superviseMock({
      prismBin,
      prismArgs,
      host,
      port,
      line,
      ready: (url) => {
        const shown = relative(process.cwd(), spec) || spec;
        console.log(`\nMock ${terminalText(config.name, true)} ready at ${url} — ${mode} from ${shown}. Ctrl+C stops it.\n`);
      },
      say: (text) => console.error(`mock: ${terminalText(text, true)}`),
      exit: (code) => process.exit(code),
    });
  } catch (err) {
    console.error(`mock: cannot listen on ${host}:${port}: ${err.message}`);
    process.exit(1);
  }
  onInterrupt(() => void mock.stop().then(() => process.exit(0)));
}
