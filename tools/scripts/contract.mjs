// `pnpm contract --target <url>`: does a running server keep the contract? Every operation's
// contract case goes through `prism proxy <spec> <url> --errors`; every violation Prism reports
// is listed, and the exit code is 1 when there is any (2: the run itself could not be done).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";
import { loadConfig } from "./codegen.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const usage = `Usage: pnpm contract --target <url> [--spec <file>] [--only <operationId,...>] [--bearer <token> | --api-key <key>] [--json]

  --target   base URL of the server under test, paths as in the spec (e.g. http://127.0.0.1:8080)
  --spec     contract to validate against (default: spec/dist/openapi.yaml)
  --only     call only these operations (default: all of them)
  --bearer   bearer token to send (default: $CONTRACT_BEARER or a placeholder)
  --api-key  send X-API-Key instead of a bearer token (default: $CONTRACT_API_KEY)
  --json     print the report as JSON`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      target: { type: "string" },
      spec: { type: "string" },
      only: { type: "string" },
      bearer: { type: "string" },
      "api-key": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  }));
} catch (err) {
  console.error(`${err.message}\n\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.target) {
  console.error(`contract: --target is required.\n\n${usage}`);
  process.exit(2);
}
const spec = values.spec ?? (await loadConfig()).spec.bundleYaml;
if (!existsSync(spec)) {
  console.error(`contract: ${spec} does not exist; run \`npx -y pnpm@12.4.2 build\` first.`);
  process.exit(2);
}

// The cases are the contract suite's own TypeScript modules, so both runs send the same requests.
const { runConformance, formatReport } = await tsImport(`${root}test/contract/conformance/index.ts`, import.meta.url);
const bearer = values.bearer ?? process.env.CONTRACT_BEARER;
const apiKey = values["api-key"] ?? process.env.CONTRACT_API_KEY;
let report;
try {
  report = await runConformance({
    target: values.target,
    spec,
    ...(values.only ? { only: values.only.split(",").map((s) => s.trim()).filter(Boolean) } : {}),
    ...(bearer ? { bearer } : {}),
    ...(apiKey ? { apiKey } : {}),
  });
} catch (err) {
  console.error(`contract: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
process.exit(report.violations.length > 0 ? 1 : 0);
