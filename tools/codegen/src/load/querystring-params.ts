import type { IRWarning } from "../ir/types.js";
import { joinPointer, specWarning } from "./spec-error.js";
import { followLocalRef } from "./follow-local-ref.js";
import { pathItemOperations, pathItemsOf } from "./path-item-operations.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * OpenAPI 3.2's `in: querystring` parameter describes the whole query string as one value of a
 * media type. Nothing downstream knows it: openapi-typescript types no such parameter, openapi-fetch
 * sends none and Prism validates none. Its common form, an `application/x-www-form-urlencoded`
 * object, is exactly a set of `form`-style query parameters (`?a=1&b=2`), so it becomes one
 * `in: query` parameter per property, here, once, for every target (a free-form object, one
 * form-exploded object parameter). Any other form (a JSON or
 * JSONPath query string, a bare string) cannot be sent by the client: that parameter is left out,
 * with a warning at its pointer. Mutates `document`; returns the warnings.
 */
export function expandQuerystringParams(document: Obj, file: string): IRWarning[] {
  const warnings: IRWarning[] = [];
  const resolve = (node: unknown) => followLocalRef(document, node);
  const rewrite = (owner: Obj, at: string) => {
    const list = owner.parameters;
    if (!Array.isArray(list) || !list.some((p) => (resolve(p).value as Obj | undefined)?.in === "querystring")) return;
    owner.parameters = list.flatMap((raw, i) => {
      const { value: p, at: pAt = joinPointer(at, "parameters", i) } = resolve(raw);
      if (!isObj(p) || p.in !== "querystring") return [raw];
      const expanded = asQueryParams(p);
      if (!expanded) warnings.push(specWarning(pAt, `querystring parameter ${JSON.stringify(p.name)} is left out: only an application/x-www-form-urlencoded object maps onto query parameters the client can send`));
      return expanded ?? [];
    });
  };
  const asQueryParams = (p: Obj): Obj[] | undefined => {
    const [mediaType, media] = isObj(p.content) ? (Object.entries(p.content)[0] ?? []) : [];
    if (typeof mediaType !== "string" || !FORM.test(mediaType) || !isObj(media)) return undefined;
    const schema = resolve(media.schema).value;
    if (!isObj(schema)) return undefined;
    // A free-form object (only additionalProperties) is one form-exploded object parameter: the same wire form.
    if (!isObj(schema.properties)) {
      const free = schema.type === "object" || (isObj(schema.additionalProperties) || schema.additionalProperties === true);
      return free ? [{ name: p.name, in: "query", ...(p.required === true ? { required: true } : {}), style: "form", explode: true, schema: media.schema }] : undefined;
    }
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    return Object.entries(schema.properties).map(([name, prop]) => {
      const doc = resolve(prop).value;
      return {
        name,
        in: "query",
        ...(required.has(name) ? { required: true } : {}),
        style: "form",
        explode: true,
        schema: prop,
        ...(isObj(doc) && typeof doc.description === "string" ? { description: doc.description } : {}),
        ...(p.deprecated === true ? { deprecated: true } : {}),
      };
    });
  };
  for (const { item, at } of pathItemsOf(document)) {
    rewrite(item, at);
    for (const { op, keys } of pathItemOperations(item, file, at)) if (isObj(op)) rewrite(op, joinPointer(at, ...keys));
  }
  return warnings;
}
