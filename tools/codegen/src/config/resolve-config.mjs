// Checks a specforge.config object and applies the defaults (see config.d.mts for the fields).
// Plain JS so the repo's .mjs scripts and a project's own config read the same code, no build.
import { dirname, join, relative, resolve } from "node:path";
import { terminalText } from "../terminal-text.mjs";

export const KINDS = ["types", "zod", "client", "mocks"];

// The config is the project's own code, so its problems may be multi-line (a TypeScript error with
// its code frame); the file and the key it names are one line each (terminal-text.mjs).
export class ConfigError extends Error {
  constructor(file, key, problem) {
    const where = file ? relative(process.cwd(), file) || file : "specforge config";
    super(`${terminalText(where, true)}: ${key ? `${terminalText(key, true)}: ` : ""}${problem}`);
    this.name = "ConfigError";
    this.file = file;
    this.key = key;
  }
}

const SCOPE = /^@[a-z0-9][a-z0-9._~-]*$/;
const FOLDER = /^[a-z0-9][a-z0-9._~-]*$/;

export function resolveConfig(config, file, root) {
  const fail = (key, problem) => {
    throw new ConfigError(file, key, problem);
  };
  if (config === null || typeof config !== "object" || Array.isArray(config)) fail("", "must export an object (export default defineConfig({ … }))");
  const known = ["name", "spec", "scope", "packages", "codegen", "mock", "docs", "contract", "bff", "specDiff"];
  for (const k of Object.keys(config)) if (!known.includes(k)) fail(k, `unknown option (known: ${known.join(", ")})`);
  const str = (key, v, dflt) => {
    if (v === undefined) return dflt;
    if (typeof v !== "string" || v.trim() === "") fail(key, "must be a non-empty string");
    return v;
  };
  const port = (key, v, dflt) => {
    if (v === undefined) return dflt;
    if (!Number.isInteger(v) || v < 0 || v > 65535) fail(key, `must be a port number (0–65535), not ${JSON.stringify(v)}`);
    return v;
  };
  const section = (key) => {
    const v = config[key];
    if (v === undefined) return {};
    if (v === null || typeof v !== "object" || Array.isArray(v)) fail(key, "must be an object");
    return v;
  };

  const scope = str("scope", config.scope, undefined);
  if (scope === undefined) fail("scope", 'is required: the npm scope of the generated packages, e.g. "@acme"');
  if (!SCOPE.test(scope)) fail("scope", `must be an npm scope like "@acme", not ${JSON.stringify(scope)}`);

  const entry = resolve(root, str("spec", config.spec, "spec/openapi.yaml"));
  const specDir = dirname(entry);

  const pk = section("packages");
  for (const k of Object.keys(pk)) if (!KINDS.includes(k)) fail(`packages.${k}`, `unknown package kind (known: ${KINDS.join(", ")})`);
  const packages = [];
  const names = new Set();
  for (const kind of KINDS) {
    const v = pk[kind] === undefined ? kind : pk[kind];
    if (v === false) continue;
    if (typeof v !== "string" || !FOLDER.test(v)) fail(`packages.${kind}`, `must be a folder and package name like "${kind}" (lower case, no slash) or false, not ${JSON.stringify(v)}`);
    if (names.has(v)) fail(`packages.${kind}`, `"${v}" is used twice`);
    names.add(v);
    packages.push({ kind, name: `${scope}/${v}`, dir: join(root, "packages", v) });
  }
  if (packages.some((p) => p.kind !== "types") && !packages.some((p) => p.kind === "types")) {
    fail("packages.types", "the client, zod and mocks packages import the types package: it cannot be false while they are generated");
  }

  const codegen = section("codegen");
  const seed = codegen.seed === undefined ? 1 : codegen.seed;
  if (!Number.isInteger(seed)) fail("codegen.seed", `must be an integer, not ${JSON.stringify(seed)}`);
  const invalidExamples = codegen.invalidExamples ?? "error";
  if (invalidExamples !== "error" && invalidExamples !== "warn") fail("codegen.invalidExamples", `must be "error" or "warn", not ${JSON.stringify(invalidExamples)}`);

  const mock = section("mock");
  const docs = section("docs");
  const contract = section("contract");
  const bff = section("bff");
  const specDiff = section("specDiff");
  return {
    root,
    file,
    name: str("name", config.name, "API"),
    scope,
    spec: { entry, dir: specDir, bundleJson: join(specDir, "dist", "openapi.json"), bundleYaml: join(specDir, "dist", "openapi.yaml") },
    packages,
    codegen: { seed, invalidExamples },
    mock: { host: str("mock.host", mock.host, "127.0.0.1"), port: port("mock.port", mock.port, 4010) },
    docs: { port: port("docs.port", docs.port, 4011) },
    contract: { cases: resolve(root, str("contract.cases", contract.cases, "test/contract/cases")), bearer: str("contract.bearer", contract.bearer, undefined) },
    bff: { port: port("bff.port", bff.port, 8787) },
    specDiff,
  };
}
