// Run by test/emit/hostile-specs.test.ts in a child process, on the compiled output of the hostile
// specs: imports every generated module, builds a client, runs every factory and reads every
// handler, and reports any global or built-in prototype that changed; then checks the zod schemas
// accept the fixtures, what seeded factories build and the expected instances, and reject the others.
//
//   node import-check.mjs <root>      (root: js/<case>/…, cases.json, preload.mjs)
//
// Prints one JSON line: [{ dir, problems: string[] }].
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = process.argv[2];
const cases = JSON.parse(readFileSync(join(root, "cases.json"), "utf8"));

// What the generated modules import, loaded first: only what the generated code itself does is compared.
await import(pathToFileURL(join(root, "preload.mjs")).href);

const WATCHED = {
  globalThis,
  Object,
  Array,
  JSON,
  "Object.prototype": Object.prototype,
  "Array.prototype": Array.prototype,
  "Function.prototype": Function.prototype,
  "String.prototype": String.prototype,
  "Number.prototype": Number.prototype,
  "Boolean.prototype": Boolean.prototype,
  "RegExp.prototype": RegExp.prototype,
  "Promise.prototype": Promise.prototype,
  "Error.prototype": Error.prototype,
  "Map.prototype": Map.prototype,
  "Set.prototype": Set.prototype,
};

// Node defines some globals lazily (a getter that replaces itself on first read): read them all once.
for (const key of Reflect.ownKeys(globalThis)) {
  try {
    void globalThis[key];
  } catch {
    // a getter that throws is left as it is
  }
}

function snapshot() {
  const out = new Map();
  for (const [label, target] of Object.entries(WATCHED)) {
    out.set(`${label} [[Prototype]]`, Object.getPrototypeOf(target));
    out.set(`${label} [[Extensible]]`, Object.isExtensible(target));
    for (const key of Reflect.ownKeys(target)) {
      const d = Object.getOwnPropertyDescriptor(target, key);
      out.set(`${label}.${String(key)}`, d && ("value" in d ? d.value : `${String(d.get)}|${String(d.set)}`));
    }
  }
  return out;
}

function changes(before, after) {
  const out = [];
  for (const [k, v] of after) if (!before.has(k)) out.push(`added ${k}`);
  else if (!Object.is(before.get(k), v)) out.push(`changed ${k}`);
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed ${k}`);
  return out;
}

function files(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".js"))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

const own = (o, k) => o !== null && typeof o === "object" && Object.prototype.hasOwnProperty.call(o, k);
const show = (v) => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 200 ? `${s.slice(0, 200)}…` : s;
};

const results = [];
for (const c of cases) {
  const dir = join(root, "js", c.dir);
  const problems = [];
  const before = snapshot();
  const modules = {};
  const seeded = new Map();
  for (const file of files(dir)) {
    try {
      modules[file.slice(dir.length + 1)] = await import(pathToFileURL(file).href);
    } catch (err) {
      problems.push(`import ${file.slice(dir.length + 1)}: ${err}`);
    }
  }
  const { "client.gen.js": client, "zod.gen.js": zod, "mocks.gen.js": mocks, "msw.gen.js": msw } = modules;
  try {
    const api = client.createApi({ baseUrl: "http://127.0.0.1:9" });
    if (typeof api.raw.GET !== "function") problems.push("createApi(): no raw client");
    for (const [name, make] of Object.entries(mocks)) if (name.startsWith("make") && typeof make === "function") seeded.set(name, make(undefined, { seed: 7 }));
    if (msw.handlers.length !== Object.keys(msw.routes).length) problems.push("msw: not one handler per route");
  } catch (err) {
    problems.push(`using the modules: ${err?.stack ?? err}`);
  }
  problems.push(...changes(before, snapshot()).map((d) => `side effect: ${d}`));

  const check = (what, schema, value, ok) => {
    if (!schema || typeof schema.safeParse !== "function") return problems.push(`${what}: no schema`);
    const r = schema.safeParse(value);
    if (r.success !== ok) problems.push(`${what}: ${ok ? "rejected" : "accepted"} ${show(value)}${ok ? ` (${show(r.error?.issues?.slice(0, 2))})` : ""}`);
  };
  if (zod && mocks) {
    for (const [name, value] of Object.entries(mocks.componentFixtures)) check(`fixture of component ${show(name)}`, own(zod.components, name) && zod.components[name], value, true);
    for (const [id, statuses] of Object.entries(mocks.responseFixtures)) {
      for (const [status, media] of Object.entries(statuses)) {
        for (const [type, body] of Object.entries(media)) {
          const op = own(zod.operations, id) ? zod.operations[id] : undefined;
          const schema = op && own(op.responses, status) && own(op.responses[status], type) ? op.responses[status][type] : undefined;
          check(`fixture of ${show(id)} ${show(status)} ${show(type)}`, schema, body, true);
        }
      }
    }
    for (const [name, media] of Object.entries(mocks.webhookFixtures)) {
      const body = media["application/json"];
      if (body !== undefined) check(`fixture of webhook ${show(name)}`, own(zod.webhooks, name) && zod.webhooks[name], body, true);
    }
    // Seeded factories run the mock engine at run time, on mock-schemas.gen.ts's table.
    for (const { name, ident } of c.factories) check(`make${ident}() of component ${show(name)}, seed 7`, own(zod.components, name) && zod.components[name], seeded.get(`make${ident}`), true);
    for (const e of c.expectations) {
      const schema = own(zod.components, e.component) && zod.components[e.component];
      for (const v of e.valid) check(`component ${show(e.component)}`, schema, v, true);
      for (const v of e.invalid) check(`component ${show(e.component)}`, schema, v, false);
    }
  }
  results.push({ dir: c.dir, problems });
}
process.stdout.write(JSON.stringify(results) + "\n");
