import { followLocalRef } from "./follow-local-ref.js";
import { childContext, type Ctx } from "./ref-contexts.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * OpenAPI 3.2 lets a `content` map reference a reusable Media Type Object
 * (`application/jsonl: { $ref: "#/components/mediaTypes/StreamingPets" }`). No target reads that
 * section: openapi-typescript typed the body as `components["mediaTypes"][…]`, a member its
 * `components` interface does not have (tsc failed), and the model saw a media type with no schema.
 * Each such reference is replaced by the object it names, once, here. The references inside it
 * (`#/components/schemas/Pet`) stay valid where it lands. Mutates `document`.
 */
export function inlineMediaTypeRefs(document: Obj): void {
  const mediaTypes = (document.components as Obj | undefined)?.mediaTypes;
  if (!isObj(mediaTypes) || Object.keys(mediaTypes).length === 0) return;
  const seen = new Set<object>();
  // A broken reference stays as written (the reference check reports it, with its pointer).
  const resolve = (value: unknown): unknown => followLocalRef(document, value, "#/components/mediaTypes/").value ?? value;
  const walk = (node: unknown, ctx: Ctx): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      const member = ctx.kind === "schemas" || ctx.kind === "schemaList" ? { kind: "schemas" } : childContext(ctx, "*");
      for (const x of node) walk(x, member);
      return;
    }
    const obj = node as Obj;
    for (const key of Object.keys(obj)) {
      if (ctx.kind === "mediaTypeMap") obj[key] = resolve(obj[key]);
      walk(obj[key], childContext(ctx, key));
    }
  };
  walk(document, { kind: "root" });
}
