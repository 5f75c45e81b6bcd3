// readOnly / writeOnly of a property given by the schema it references, for openapi-typescript.
import "./ots-pointers.mjs";
import { resolveRef } from "openapi-typescript";

/** Keys whose values are data, not schemas: an example object with a `properties` key is left alone. */
const DATA = new Set(["example", "examples", "default", "const", "enum"]);

/**
 * openapi-typescript marks a property readOnly (writeOnly) only when the property's own schema says
 * so, while the zod module and the fixtures also take the flag from the schema it references (a
 * `Timestamp` component declared readOnly) or from an allOf member (`allOf: [{$ref: Stamp}]`). So
 * that the types' `$request` / `$response` forms leave out the same properties, such properties get
 * the flag on themselves here, on the types target's own copy of the document, before
 * openapi-typescript reads it.
 * @param {Record<string, unknown>} document — mutated
 */
export function copyReadWriteFlags(document) {
  const seen = new Set();
  const visit = (node) => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const props = node.properties;
    if (props && typeof props === "object" && !Array.isArray(props)) {
      for (const p of Object.values(props)) {
        if (p === null || typeof p !== "object") continue;
        for (const flag of ["readOnly", "writeOnly"]) if (p[flag] !== true && flaggedThrough(document, p, flag)) p[flag] = true;
      }
    }
    for (const [k, v] of Object.entries(node)) if (!DATA.has(k) && !k.startsWith("x-")) visit(v);
  };
  visit(document);
}

/** The flag on the schema `p` references, or on an allOf member (itself or its reference). */
function flaggedThrough(document, p, flag) {
  const own = (x) => x !== null && typeof x === "object" && (x[flag] === true || target(document, x.$ref)?.[flag] === true);
  return target(document, p.$ref)?.[flag] === true || (Array.isArray(p.allOf) && p.allOf.some(own));
}

/** A local `$ref`'s target (`#/components/schemas/X`), resolved as openapi-typescript will; undefined when there is none. */
export function target(document, ref) {
  if (typeof ref !== "string" || !ref.startsWith("#/")) return undefined;
  try {
    const node = resolveRef(document, ref, { silent: true });
    return node !== null && typeof node === "object" ? node : undefined;
  } catch {
    return undefined;
  }
}
