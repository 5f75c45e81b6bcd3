/**
 * Runs the mock engine over the model: one fixture per component schema, per documented
 * response (status × media type) of every operation, and per webhook payload. Spec examples win:
 * a media type's first valid example, a schema's first valid `example(s)`. Every example in the
 * spec (schemas anywhere, media types, parameters) is checked against its schema on the way.
 */
import type { IRDocument, IRMediaContent, IROperation, IRSchema } from "../../ir/types.js";
import { walkSchema } from "../../ir/walk.js";
import { escapePointerToken, joinPointer } from "../../load/spec-error.js";
import { MockGenerator } from "./mock-engine.js";
import type { MockSchema } from "./mock-engine.js";
import { overTheWire, type WireForm } from "./read-write-fixtures.js";

export interface MediaFixture {
  mediaType: string;
  value: unknown;
  /** JSON pointer of the media type object (where the mock spec injects the example). */
  pointer: string;
  /** Taken from the spec's own examples. */
  fromSpec: boolean;
  schema: IRSchema;
}

export interface ResponseFixture {
  status: string;
  media: MediaFixture[];
}

/**
 * A valid request for an operation, shaped as the generated client's `init`: every required
 * parameter (and each optional one the spec gives a valid example for), and the body of its first
 * media type when it has one. `mediaType` names that body's media type.
 */
export interface RequestFixture {
  params: Partial<Record<"path" | "query" | "header" | "cookie", Record<string, unknown>>>;
  body?: unknown;
  mediaType?: string;
}

export interface InvalidExample {
  pointer: string;
  problem: string;
}

export interface FixtureSet {
  generator: MockGenerator;
  /** Component schemas (under components.schemas), in document order. */
  components: { name: string; ident: string; schema: IRSchema; value: unknown }[];
  operations: { op: IROperation; request: RequestFixture; responses: ResponseFixture[] }[];
  webhooks: { name: string; op: IROperation; media: MediaFixture[] }[];
  invalidExamples: InvalidExample[];
}

/** The status as the spec (and openapi-typescript) writes it: the model upper-cases "default". */
export function specStatus(status: string): string {
  return status.toLowerCase() === "default" ? "default" : status;
}

/** The media type object's pointer, from where the model says its schema is. */
export function mediaPointer(m: IRMediaContent): string {
  return m.schema.pointer.endsWith("/schema") ? m.schema.pointer.slice(0, -"/schema".length) : m.schema.pointer;
}

export function isComponent(pointer: string, name: string): boolean {
  return pointer === `#/components/schemas/${escapePointerToken(name)}`;
}

const MANAGED_HEADERS = new Set(["authorization", "content-type", "accept", "cookie"]);

export function collectFixtures(model: IRDocument, seed: number, warn: (pointer: string, message: string) => void): FixtureSet {
  const invalidExamples: InvalidExample[] = [];
  // Entries, not assignments: a schema named `__proto__` must stay an own property.
  const schemas: Record<string, MockSchema> = Object.fromEntries(model.schemas.map((s) => [s.name, s.schema]));
  const generator = new MockGenerator({
    seed,
    schemas,
    recursive: model.schemas.filter((s) => s.recursive).map((s) => s.name),
    warn,
    // A schema's own `example` is an annotation (real specs get them wrong often: openai, openfga):
    // it is skipped with a warning and a generated value is used. Examples of media types and
    // parameters are what the mock serves, so an invalid one stays an error (checked below).
    onInvalidExample: (schema, index, problem) => {
      const n = schema.meta?.examples?.length ?? 1;
      warn(schema.pointer ?? "#", `schema ${n > 1 ? `example ${index + 1} of ${n}` : "example"} ${problem}; a generated value is used instead`);
    },
  });

  const checkSchemaExamples = (s: IRSchema) => walkSchema(s, (node) => void (node.meta.examples?.length && generator.validExamples(node)));
  const checkMedia = (m: IRMediaContent): unknown[] => {
    checkSchemaExamples(m.schema);
    const valid: unknown[] = [];
    m.examples.forEach((ex, i) => {
      const problem = generator.validator.check(ex.value, m.schema);
      if (problem === undefined) valid.push(ex.value);
      // The model names an `example` keyword "default", like an `examples.default` entry: when it
      // cannot tell which one it is, point at the media type and say both.
      else if (ex.name === "default" && i === 0) invalidExamples.push({ pointer: mediaPointer(m), problem: `example (\`example\` or \`examples.default\`) ${problem}` });
      else invalidExamples.push({ pointer: joinPointer(mediaPointer(m), "examples", ex.name), problem: `example ${problem}` });
    });
    return valid;
  };
  for (const s of model.schemas) checkSchemaExamples(s.schema);
  const checkOperation = (op: IROperation) => {
    for (const p of op.parameters) {
      checkSchemaExamples(p.schema);
      for (const ex of p.examples ?? []) {
        const problem = generator.validator.check(ex, p.schema);
        if (problem !== undefined) invalidExamples.push({ pointer: joinPointer(op.pointer, "parameters", p.name), problem: `example of ${p.in} parameter "${p.name}" ${problem}` });
      }
    }
    for (const m of op.requestBody?.content ?? []) checkMedia(m);
    for (const r of op.responses) for (const h of r.headers) checkSchemaExamples(h.schema);
  };

  /** A body's fixture in `form`: readOnly properties out of requests, writeOnly ones out of responses (read-write-fixtures.ts). */
  const fixture = (m: IRMediaContent, key: string, form: WireForm): MediaFixture => {
    const examples = checkMedia(m);
    const fromSpec = examples.length > 0;
    let value = fromSpec ? examples[0] : generator.value(m.schema, key);
    if (!fromSpec && m.mediaType === "text/event-stream" && m.eventSchema) value = eventStream(generator, m.eventSchema, key, value, m.schema);
    return { mediaType: m.mediaType, value: overTheWire(value, m.schema, form, model), pointer: mediaPointer(m), fromSpec, schema: m.schema };
  };

  const components = model.schemas
    .filter((s) => isComponent(s.schema.pointer, s.name))
    .map((s) => ({ name: s.name, ident: s.ident, schema: s.schema, value: generator.component(s.name) }));
  const request = (op: IROperation): RequestFixture => {
    const params: RequestFixture["params"] = {};
    for (const p of op.parameters) {
      // Credentials and content negotiation are the client's to send.
      if (p.in === "header" && MANAGED_HEADERS.has(p.name.toLowerCase())) continue;
      const example = (p.examples ?? []).find((ex) => generator.validator.check(ex, p.schema) === undefined);
      if (!p.required && example === undefined) continue;
      (params[p.in] ??= {})[p.name] = example !== undefined ? example : generator.value(p.schema, `${op.id} ${p.in} ${p.name}`);
    }
    const media = op.requestBody?.content[0];
    if (!media) return { params };
    const body = fixture(media, `${op.id} request ${media.mediaType}`, "request");
    return { params, body: body.value, mediaType: media.mediaType };
  };
  const operations = model.operations.map((op) => {
    checkOperation(op);
    return { op, request: request(op), responses: op.responses.map((r) => ({ status: specStatus(r.status), media: r.content.map((m) => fixture(m, `${op.id} ${r.status} ${m.mediaType}`, "response")) })) };
  });
  const webhooks = model.webhooks.map((w) => {
    checkOperation(w.operation);
    // A webhook's payload is produced by the API: the response form, as the zod module types it.
    return { name: w.name, op: w.operation, media: (w.operation.requestBody?.content ?? []).map((m) => fixture(m, `webhook ${w.name} ${m.mediaType}`, "response")) };
  });
  const seen = new Set<string>();
  const unique = invalidExamples.filter((e) => !seen.has(`${e.pointer}\u0000${e.problem}`) && !!seen.add(`${e.pointer}\u0000${e.problem}`));
  return { generator, components, operations, webhooks, invalidExamples: unique };
}

/** A text/event-stream body made of `data:` events built from `x-sse-event-schema`, when the body schema allows it. */
function eventStream(generator: MockGenerator, eventSchema: IRSchema, key: string, fallback: unknown, bodySchema: IRSchema): unknown {
  const events = [generator.value(eventSchema, `${key} event`, "", 0), generator.value(eventSchema, `${key} event`, "", 1)];
  const text = events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join("");
  return generator.validator.isValid(text, bodySchema) ? text : fallback;
}
