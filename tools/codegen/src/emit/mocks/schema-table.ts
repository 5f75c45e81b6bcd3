/**
 * `mock-schemas.gen.ts`: the model's named schemas in the engine's compact form (no pointers or
 * documentation), as one JSON string parsed on first use — what `make*({}, { seed })` factories
 * generate from at run time, with exactly the build-time algorithm (@specforge/runtime/mocks).
 */
import type { IRDocument, IRSchema } from "../../ir/types.js";
import { generatedHeader, type EmitContext } from "../emitter.js";
import type { MockSchema } from "./mock-engine.js";
import { stringLiteral } from "../inert.js";

export function compactSchema(s: IRSchema): MockSchema {
  const o: MockSchema = {};
  if (s.boolean !== undefined) o.boolean = s.boolean;
  if (s.ref !== undefined) o.ref = s.ref;
  if (s.types) o.types = s.types;
  if (s.string) {
    const { minLength, maxLength, pattern, format } = s.string;
    o.string = { ...(minLength !== undefined && { minLength }), ...(maxLength !== undefined && { maxLength }), ...(pattern !== undefined && { pattern }), ...(format !== undefined && { format }) };
  }
  if (s.number) o.number = { ...s.number };
  if (s.array) {
    const a = s.array;
    o.array = {
      ...(a.items && { items: compactSchema(a.items) }),
      ...(a.prefixItems && { prefixItems: a.prefixItems.map(compactSchema) }),
      ...(a.contains && { contains: compactSchema(a.contains) }),
      ...(a.minItems !== undefined && { minItems: a.minItems }),
      ...(a.maxItems !== undefined && { maxItems: a.maxItems }),
      ...(a.uniqueItems && { uniqueItems: true }),
      ...(a.minContains !== undefined && { minContains: a.minContains }),
      ...(a.maxContains !== undefined && { maxContains: a.maxContains }),
    };
  }
  if (s.object) {
    const b = s.object;
    o.object = {
      properties: b.properties.map((p) => ({ name: p.name, schema: compactSchema(p.schema), required: p.required })),
      requiredOnly: b.requiredOnly,
      ...(b.additionalProperties !== undefined && { additionalProperties: b.additionalProperties === false ? false : compactSchema(b.additionalProperties) }),
      ...(b.patternProperties && { patternProperties: b.patternProperties.map((p) => ({ pattern: p.pattern, schema: compactSchema(p.schema) })) }),
      ...(b.propertyNames && { propertyNames: compactSchema(b.propertyNames) }),
      ...(b.minProperties !== undefined && { minProperties: b.minProperties }),
      ...(b.maxProperties !== undefined && { maxProperties: b.maxProperties }),
      ...(b.dependentRequired && { dependentRequired: b.dependentRequired }),
    };
  }
  if (s.enum) o.enum = s.enum;
  if (s.const) o.const = s.const;
  if (s.allOf) o.allOf = s.allOf.map(compactSchema);
  if (s.anyOf) o.anyOf = s.anyOf.map(compactSchema);
  if (s.oneOf) o.oneOf = s.oneOf.map(compactSchema);
  if (s.not) o.not = compactSchema(s.not);
  if (s.discriminator) o.discriminator = s.discriminator;
  const { examples, readOnly, writeOnly } = s.meta;
  if (examples?.length || readOnly || writeOnly) o.meta = { ...(examples?.length && { examples }), ...(readOnly && { readOnly }), ...(writeOnly && { writeOnly }) };
  return o;
}

export function schemaTable(model: IRDocument): { schemas: Record<string, MockSchema>; recursive: string[] } {
  // Entries, not assignments: a schema named `__proto__` must stay an own property (and in the JSON).
  const schemas: Record<string, MockSchema> = Object.fromEntries(model.schemas.map((s) => [s.name, compactSchema(s.schema)]));
  return { schemas, recursive: model.schemas.filter((s) => s.recursive).map((s) => s.name) };
}

export function schemaTableModule(ctx: EmitContext): string {
  return (
    generatedHeader(ctx, "Schemas read by the mock engine at run time (seeded factories).") +
    `\n/** JSON of { schemas, recursive } for @specforge/runtime/mocks (parsed on the first seeded make*() call). */\n` +
    `export const schemaTable = ${stringLiteral(JSON.stringify(schemaTable(ctx.model)))};\n`
  );
}
