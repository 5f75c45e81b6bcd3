// `pnpm contract --target <url>`: does a running server keep the contract? Every operation's
// contract case goes through `prism proxy <spec> <url> --errors`; every violation is listed, and
// the exit code is 1 when there is any, errors and warnings alike (2: the run itself could not be
// done — bad arguments, target unreachable, Prism would not start — or no operation was called).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";
import { loadConfig } from "./codegen.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const usage = `Usage: pnpm contract --target <url> [--spec <file>] [--only <operationId,...>] [--bearer <token>] [--api-key <key>] [--timeout <s>] [--json]

  --target   base URL of the server under test, paths as in the spec (e.g. http://127.0.0.1:8080)
  --spec     contract to check against: its operations are called and Prism validates with it (default: spec/dist/openapi.yaml)
  --only     call only these operations (default: all of them)
  --bearer   bearer token, sent to operations that accept one (default: $CONTRACT_BEARER)
  --api-key  X-API-Key, sent to operations that accept a key but no bearer token, or every one that
             accepts a key when no --bearer is given (default: $CONTRACT_API_KEY); with neither option,
             a placeholder bearer token is sent, which only a server without auth accepts
  --timeout  seconds one exchange with the target may take (default: 30, at most 2147483)
  --json     print the report as JSON`;

const fail = (message, code = 2) => {
  console.error(message);
  process.exit(code);
};

let values;
try {
  ({ values } = parseArgs({
    options: {
      target: { type: "string" },
      spec: { type: "string" },
      only: { type: "string" },
      bearer: { type: "string" },
      "api-key": { type: "string" },
      timeout: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  }));
} catch (err) {
  fail(`${err.message}\n\n${usage}`);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.target) fail(`contract: --target is required.\n\n${usage}`);
let only;
if (values.only !== undefined) {
  only = values.only.split(",").map((s) => s.trim()).filter(Boolean);
  if (only.length === 0) fail(`contract: --only ${JSON.stringify(values.only)} names no operation; give operationIds separated by commas, or leave --only out to call all.`);
}
const timeout = values.timeout === undefined ? 30 : Number(values.timeout);
// At most 2147483 s: setTimeout takes at most 2^31-1 ms and fires at once above that.
if (!(timeout > 0) || !(timeout <= 2_147_483)) fail(`contract: --timeout ${values.timeout} is not a number of seconds above 0 and at most 2147483.`);
const spec = values.spec ?? (await loadConfig()).spec.bundleYaml;
if (!existsSync(spec)) fail(`contract: ${spec} does not exist${values.spec ? "" : "; run `npx -y pnpm@12.4.2 build` first"}.`);

// The cases are the contract suite's own TypeScript modules, so both runs send the same requests.
const { runConformance, formatReport, UsageError, UnreachableError, cleanupAll } = await tsImport(`${root}test/contract/conformance/index.ts`, import.meta.url);
// The temp copy of the spec, Prism and the recorder go with the process, whatever ends it.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    stopping = true;
    cleanupAll().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}
const bearer = values.bearer ?? process.env.CONTRACT_BEARER;
const apiKey = values["api-key"] ?? process.env.CONTRACT_API_KEY;
let report;
try {
  report = await runConformance({ target: values.target, spec, timeout, ...(only ? { only } : {}), ...(bearer !== undefined ? { bearer } : {}), ...(apiKey !== undefined ? { apiKey } : {}) });
} catch (err) {
  report = { error: err };
}
// Stopped by a signal: the run only failed because its pieces were taken down; the handler exits.
if (stopping) await new Promise(() => {});
if (report.error) {
  const err = report.error;
  await cleanupAll();
  if (err instanceof UsageError || err instanceof UnreachableError) fail(err.message.startsWith("contract:") ? err.message : `contract: ${err.message}`);
  fail(`contract: ${err instanceof Error ? err.message : String(err)}`);
}
if (bearer === undefined && apiKey === undefined) console.error("contract: no credentials given (--bearer, --api-key): sent a placeholder bearer token, which only a server without auth accepts.");
console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
// Nothing called is nothing checked: a green run here would pass a server no request reached.
if (report.violations.length === 0 && report.operations.length > 0 && report.operations.every((o) => o.skipped)) {
  console.error("contract: no operation was called (each one is skipped, see above): nothing was checked; give the credentials they accept (--bearer, --api-key) or pick operations with --only");
  process.exit(2);
}
process.exit(report.violations.length > 0 ? 1 : 0);
