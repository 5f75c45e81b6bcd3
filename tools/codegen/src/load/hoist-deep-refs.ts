import { escapePointerToken, getAtPointer, parsePointer } from "./spec-error.js";
import { childContext, type Ctx } from "./ref-contexts.js";

/**
 * A schema `$ref` into a place that is not a component schema of its own —
 * `#/components/schemas/Account/definitions/accountStatus`, `#/components/parameters/id/schema`,
 * `…/properties/x/schema`, `#/definitions/X`
 * left in a 3.x document — is valid JSON Schema, but openapi-typescript types it as an indexed
 * access into the types (`components["schemas"]["Account"]["definitions"]…`) that does not exist
 * (TS2339; 169 errors on one AWS spec). Each such target is copied into `components.schemas` under a
 * name made of its pointer (the name the model gave it anyway) and the reference points there:
 * the same schema, one way for every emitter. Refs into `#/paths/…` too: openapi-typescript's
 * `paths[…]` has no `parameters` array, and its bodies are keyed by status, not by pointer.
 * The same for a parameter, header, request body or response that references one inside
 * `#/paths/…` (enode's spec reuses `#/paths/~1chargers/get/parameters/0`): openapi-typescript typed it
 * `paths["/chargers"]["get"]["parameters"]["query"]["field[]"]`, an access through an optional
 * member (TS2339); it goes to its own `components` section instead.
 */
export function hoistDeepRefs(doc: Record<string, unknown>, refs: Iterable<string>): void {
  // Most specs have none: then the document is not walked again.
  if (![...refs].some(isDeep)) return;
  const hoisted = new Map<string, string>();
  const queue: [unknown, Ctx][] = [];

  const target = (ref: string): string | undefined => {
    if (!isDeep(ref)) return undefined;
    const tokens = parsePointer(ref);
    let local = hoisted.get(ref);
    if (local) return local;
    const value = getAtPointer(doc, tokens);
    if (value === undefined || value === null || (typeof value !== "object" && typeof value !== "boolean")) return undefined;
    const components = (doc.components ??= {}) as Record<string, unknown>;
    const schemas = (components.schemas ??= {}) as Record<string, unknown>;
    // The name the model gave such a target before it was hoisted (ir/named-schemas.ts).
    const tail = tokens[0] === "components" ? tokens.slice(2) : tokens.filter((t) => !["paths", "content", "schema"].includes(t));
    let name = tail.join("_") || "Root";
    for (let i = 2; Object.prototype.hasOwnProperty.call(schemas, name); i++) name = `${tail.join("_")}_${i}`;
    local = `#/components/schemas/${escapePointerToken(name)}`;
    hoisted.set(ref, local);
    // A copy: the original place keeps its schema (it may be used inline there too).
    const copy = structuredClone(value);
    Object.defineProperty(schemas, name, { value: copy, enumerable: true, writable: true, configurable: true });
    queue.push([copy, { kind: "schemas" }]);
    return local;
  };

  const hoistedOther = new Map<string, string>();
  /** A parameter, header, request body or response `$ref` into `#/paths/…`, moved to components.<kind>. */
  const otherTarget = (kind: string, ref: string): string | undefined => {
    if (!ref.startsWith("#/paths/")) return undefined;
    const known = hoistedOther.get(ref);
    if (known) return known;
    const tokens = parsePointer(ref);
    const value = getAtPointer(doc, tokens);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    const components = (doc.components ??= {}) as Record<string, unknown>;
    const bucket = (components[kind] ??= {}) as Record<string, unknown>;
    const base = tokens.slice(1).join("_").replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^_+/, "") || "Root";
    let name = base;
    for (let i = 2; Object.prototype.hasOwnProperty.call(bucket, name); i++) name = `${base}_${i}`;
    const local = `#/components/${kind}/${escapePointerToken(name)}`;
    hoistedOther.set(ref, local);
    const copy = structuredClone(value);
    Object.defineProperty(bucket, name, { value: copy, enumerable: true, writable: true, configurable: true });
    queue.push([copy, { kind }]);
    return local;
  };

  const walk = (node: unknown, ctx: Ctx): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) walk(node[i], childContext(ctx, String(i)));
      return;
    }
    const obj = node as Record<string, unknown>;
    for (const k of Object.keys(obj)) {
      const v = obj[k];
      if (k === "$ref" && typeof v === "string") {
        const local = ctx.kind === "schemas" ? target(v) : ctx.kind && OTHER_KINDS.has(ctx.kind) ? otherTarget(ctx.kind, v) : undefined;
        if (local) obj.$ref = local;
      } else if (v !== null && typeof v === "object") walk(v, childContext(ctx, k));
    }
  };
  walk(doc, { kind: "root" });
  // Hoisted copies may hold deep references of their own.
  while (queue.length) {
    const [node, ctx] = queue.shift()!;
    walk(node, ctx);
  }
}

const OTHER_KINDS = new Set(["parameters", "headers", "requestBodies", "responses"]);

/** Whether a local reference points somewhere openapi-typescript cannot type (see above). */
function isDeep(ref: string): boolean {
  if (!ref.startsWith("#/")) return false;
  const tokens = parsePointer(ref);
  // Anything inside a component, a schema's `definitions` or another component's schema (codat's
  // `#/components/parameters/companyId/schema`: openapi-typescript types a parameter component as
  // its value, which has no `schema` member); not a component itself.
  if (tokens[0] === "components") return tokens.length > 3;
  return true;
}
