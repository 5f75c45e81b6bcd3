/**
 * Every fixture the mocks emitter produces for every real-world spec in ../shared/specs/real
 * (component, response × media type, webhook payload) is accepted by Ajv against the bundled
 * schema it was generated for. Counts per spec are printed. Skips when the corpus is absent.
 */
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/ir/build-model.js";
import { collectFixtures } from "../../src/emit/mocks/collect.js";
import { schemaTable } from "../../src/emit/mocks/schema-table.js";
import { MockGenerator } from "../../../../packages/runtime/src/mocks/index.js";
import { DocumentValidator } from "./ajv-support.js";
import { REAL_SPECS_DIR, realSpecs } from "../support/real-specs.js";
import { oasExamples, OAS_EXAMPLES } from "../support/npm-corpus.js";

const dir = REAL_SPECS_DIR;
const specs = realSpecs("mocks/real-specs.test").map((p) => p.slice(dir.length));
// ReadMe's edge-case specs (see npm-corpus.ts), by their path inside the package.
const edges = oasExamples("mocks/real-specs.test");
const edgeName = (p: string) => p.split("/package/")[1]!;

describe.skipIf(specs.length === 0)("mock fixtures of real specs are valid (Ajv)", () => {
  it.each(specs)("%s", (file) => checkFixtures(dir + file, file));
});

// These specs take features to their edges on purpose: some schemas admit no value at all (a required
// self-reference, a oneOf of two identical branches, an allOf of string and object). There the
// generator must say so ("no value satisfies the schema") and fall back to null; any other invalid
// fixture fails, as above. Other warnings are expected (patterns needing repair, unknown formats).
describe.skipIf(edges.length === 0)(`mock fixtures of ${OAS_EXAMPLES} are valid (Ajv), or said to be impossible`, () => {
  it.each(edges.map(edgeName))("%s", (name) => checkFixtures(edges.find((p) => edgeName(p) === name)!, name, { edge: true }));
});

async function checkFixtures(path: string, file: string, { edge = false } = {}): Promise<void> {
  {
    const spec = await loadSpec(path);
    const model = buildModel(spec);
    const warnings: string[] = [];
    const set = collectFixtures(model, 1, (p, m) => warnings.push(`${p}: ${m}`));
    const ajv = new DocumentValidator(spec.document, spec.sourceVersion);
    // Request fixtures leave readOnly properties out, responses and webhook payloads writeOnly ones: each is held to its form.
    const forms = { request: new DocumentValidator(spec.document, spec.sourceVersion, "request"), response: new DocumentValidator(spec.document, spec.sourceVersion, "response") };
    const failures: string[] = [];
    const counts = { components: 0, responses: 0, webhooks: 0, fromSpecExamples: 0, requests: 0 };
    const impossible = warnings.some((w) => w.endsWith(": no value satisfies the schema"));
    const check = (kind: keyof typeof counts, pointer: string, value: unknown) => {
      counts[kind]++;
      const problem = (kind === "components" ? ajv : kind === "requests" ? forms.request : forms.response).check(pointer, value);
      if (problem && !(edge && impossible && value === null)) failures.push(`${kind} ${pointer}: ${problem}`);
    };
    for (const c of set.components) check("components", c.schema.pointer, c.value);
    // Request fixtures: every parameter value and body against its own schema.
    for (const { op, request } of set.operations) {
      for (const p of op.parameters) {
        const value = request.params[p.in]?.[p.name];
        if (value === undefined) continue;
        if (p.schema.pointer.endsWith("/schema")) check("requests", p.schema.pointer, value);
      }
      const media = op.requestBody?.content[0];
      if (media && media.schema.pointer.endsWith("/schema")) check("requests", media.schema.pointer, request.body);
      const missing = op.parameters.filter((p) => p.required && p.in !== "header" && request.params[p.in]?.[p.name] === undefined).map((p) => `${p.in} ${p.name}`);
      if (missing.length) failures.push(`requests ${op.id}: required ${missing.join(", ")} missing`);
    }
    for (const { responses } of set.operations) {
      for (const r of responses) {
        for (const m of r.media) {
          if (m.fromSpec) counts.fromSpecExamples++;
          if (!m.schema.pointer.endsWith("/schema")) continue;
          // An event stream whose schema is its events' data (OpenAI's): the fixture is `data:` events, each an instance of it.
          const sse = m.mediaType.startsWith("text/event-stream") && typeof m.value === "string" && forms.response.check(m.schema.pointer, m.value) !== undefined;
          if (!sse) check("responses", m.schema.pointer, m.value);
          else for (const d of (m.value as string).matchAll(/^data: (.*)$/gm)) check("responses", m.schema.pointer, JSON.parse(d[1]!));
        }
      }
    }
    for (const w of set.webhooks) for (const m of w.media) if (m.schema.pointer.endsWith("/schema")) check("webhooks", m.schema.pointer, m.value);
    // Seeded factories run the same engine on the compact JSON table: same seed, same fixtures.
    const runtime = new MockGenerator({ seed: 1, ...(JSON.parse(JSON.stringify(schemaTable(model))) as ReturnType<typeof schemaTable>) });
    const differing = set.components.filter((c) => JSON.stringify(runtime.component(c.name)) !== JSON.stringify(c.value)).map((c) => c.name);
    expect(differing).toEqual([]);
    // Other seeds (make*({}, { seed })) generate without spec examples: valid too.
    const seeded = new MockGenerator({ seed: 7, ...(JSON.parse(JSON.stringify(schemaTable(model))) as ReturnType<typeof schemaTable>) });
    for (const c of set.components) {
      const value = seeded.component(c.name, 0, true);
      const problem = ajv.check(c.schema.pointer, value);
      if (problem && !(edge && impossible && value === null)) failures.push(`seed 7 ${c.name}: ${problem}`);
    }
    // Invalid schema-level `example`s are reported as warnings (openai, openfga have some); nothing else may warn.
    const schemaExamples = warnings.filter((w) => w.includes(": schema example"));
    console.log(`${file}: ${counts.components} components, ${counts.requests} request values, ${counts.responses} responses (${counts.fromSpecExamples} from spec examples), ${counts.webhooks} webhooks — ${failures.length} invalid; invalid spec examples: ${set.invalidExamples.length} media/parameter, ${schemaExamples.length} schema`);
    expect(failures.slice(0, 10)).toEqual([]);
    if (!edge) expect(warnings.filter((w) => !schemaExamples.includes(w))).toEqual([]);
  }
}

describe.skipIf(!specs.includes("redocly-museum.yaml"))("the Ajv oracle itself", () => {
  it("rejects values that break the schema (so the suite above is not vacuous)", async () => {
    const spec = await loadSpec(dir + "redocly-museum.yaml");
    const ajv = new DocumentValidator(spec.document, spec.sourceVersion);
    expect(ajv.check("#/components/schemas/Ticket", { ticketType: "event" })).toMatch(/ticketDate/);
    expect(ajv.check("#/components/schemas/Email", "not-an-email")).toMatch(/format/);
    expect(ajv.check("#/components/schemas/Ticket", { ticketDate: "2024-01-01", ticketType: "event" })).toBeUndefined();
  });
});
