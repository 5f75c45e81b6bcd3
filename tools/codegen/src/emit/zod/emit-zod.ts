import type { IRNamedSchema } from "../../ir/types.js";
import { generatedHeader, type Emitter } from "../emitter.js";
import { jsDoc, propertyKey } from "../inert.js";
import { ZodState, type Entity, type Mode, type Rendered } from "./state.js";
import { render } from "./schema-expr.js";
import { ALL } from "./type-set.js";
import { variantsOf } from "./variants.js";
import { circularAliases, dependencies, orderEntities } from "./recursion.js";
import { renderOperations } from "./operations.js";
import { Shared } from "./shared.js";
import { declareMap, declareVia } from "./declare.js";
import { renderWebhooks } from "./webhooks.js";
import { helperSource, helpersIn } from "./runtime.js";
import { indentType } from "./ts-type.js";
import { objectType } from "./object-export.js";

/**
 * `zod.gen.ts` (zod v4): per named schema a TypeScript type `X` and `export const XSchema:
 * z.ZodType<X>`, request/response variants where read/writeOnly properties exist
 * (`X_Request`, `X_Response`), `components` by original name, `operations`, `webhooks`.
 * Validation follows JSON Schema exactly (see README "zod emitter"); this file only assembles.
 */
export const emitZod: Emitter = (ctx) => {
  const { model } = ctx;
  const st = new ZodState(model, ctx.options.warn);

  const entities: Entity[] = [];
  const add = (named: IRNamedSchema, mode: Mode, suffix: string) => {
    const e: Entity = { named, mode, typeName: named.ident + suffix, constName: `${named.ident}${suffix}Schema` };
    st.addEntity(e);
    entities.push(e);
  };
  for (const named of model.schemas) add(named, "neutral", "");
  const { request, response } = variantsOf(model);
  for (const named of model.schemas) if (request.has(named.name)) add(named, "request", "_Request");
  for (const named of model.schemas) if (response.has(named.name)) add(named, "response", "_Response");

  const rendered = new Map<Entity, Rendered>();
  const direct = new Map<Entity, Set<Entity>>();
  const order = orderEntities(entities, (e) => dependencies(st, e.named, e.mode)).flat();
  for (const e of order) {
    st.current = e;
    st.directTypeRefs = new Set();
    st.deferred = 0;
    const r = render(st, e.named.schema, ALL, e.mode);
    rendered.set(e, r);
    if (r.obj) st.objects.set(e, r.obj);
    direct.set(e, st.directTypeRefs);
    st.emitted.add(e);
  }
  st.current = undefined;
  const circular = circularAliases(direct);
  for (const e of circular) st.warn(e.named.schema.pointer, `type ${e.typeName} would be a circular alias; typed as unknown`);

  // Declarations with interned expressions (tokens), expanded below once all are known.
  const roots: string[] = [];
  for (const e of order) {
    const r = rendered.get(e)!;
    const doc = entityDoc(e);
    const lines: string[] = [];
    if (doc) lines.push(doc);
    lines.push(`export type ${e.typeName} = ${circular.has(e) ? "unknown" : indentType(r.ts, "")};`);
    lines.push(jsDoc([`Validator of {@link ${e.typeName}}.`, ...(e.named.schema.meta.deprecated ? ["@deprecated"] : [])], ""));
    // Objects are exported as real zod objects (`.shape`, `.extend()`, `.pick()`…); the rest as ZodType.
    const obj = r.obj && !circular.has(e) ? objectType(e.typeName, r.obj) : undefined;
    lines.push(
      declareVia({
        name: e.constName,
        exported: true,
        type: obj ?? `z.ZodType<${e.typeName}>`,
        wrap: (c) => (obj ? `$objectSchema(${c})` : `$schema(${c})`),
        returnType: "$Z",
        body: r.z,
      }),
      "",
    );
    roots.push(lines.join("\n"));
  }
  const tail: string[] = [];
  const entries = model.schemas.map((named) => [propertyKey(named.name), st.entity(named.name, "neutral")!.constName] as const);
  tail.push(declareMap("components", "$Components", "/** The schema of every named schema, by its original name in the spec. */", entries), "");
  roots.push(tail.join("\n"));
  roots.push(renderOperations(st, model.operations) + "\n");
  roots.push(renderWebhooks(st, model.webhooks));

  const shared = new Shared(st.exprs.texts, st.tsTypes.texts, roots);
  const body: string[] = [];
  for (const root of roots) {
    const consts: string[] = [];
    const text = shared.expand(root, consts);
    if (consts.length) body.push(...consts, "");
    body.push(text);
  }

  for (const [name, { count, pointer }] of [...st.unknownFormats].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const where = count > 1 ? `${count}x, the first here` : "1x";
    st.warn(pointer, `format ${JSON.stringify(name)} (${where}) is unknown to JSON Schema/ajv-formats and not validated (JSON Schema ignores unknown formats)`);
  }

  const helpers = helperSource(helpersIn(body.join("\n")));
  // A spec without schemas (only operations without bodies) uses no zod at all: an unused import
  // fails a consumer's noUnusedLocals. (A spec's text saying "z." in a doc comment keeps it: rare, and no worse than before.)
  const usesZod = /(^|[^\w$.])z\./m.test(helpers) || body.some((b) => /(^|[^\w$.])z\./m.test(b));
  const head = [
    generatedHeader(ctx, `zod v4 validators of ${model.title} ${model.version}: JSON Schema semantics, as Ajv (ajv-formats "full") validates.`),
    ...(usesZod ? [`import { z } from "zod";`, ""] : []),
    ...(helpers ? [helpers] : []),
    ...st.regexDecls,
    "",
  ];
  return [{ path: "zod.gen.ts", content: [...head, ...body].join("\n") + "\n" }];
};

function entityDoc(e: Entity): string {
  const m = e.named.schema.meta;
  const lines: string[] = [];
  if (m.title) lines.push(m.title);
  if (m.description) lines.push(...(lines.length ? [""] : []), m.description.trim());
  if (e.mode === "request") lines.push(...(lines.length ? [""] : []), `Request form of \`${e.named.name}\`: readOnly properties left out.`);
  if (e.mode === "response") lines.push(...(lines.length ? [""] : []), `Response form of \`${e.named.name}\`: writeOnly properties left out.`);
  if (m.deprecated) lines.push("@deprecated");
  return jsDoc(lines, "");
}
