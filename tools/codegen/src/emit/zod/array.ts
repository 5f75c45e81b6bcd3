import type { IRSchema } from "../../ir/types.js";
import type { Rendered, ZodState } from "./state.js";
import { tsArray } from "./ts-type.js";
import { asZ } from "./object.js";
import { numberLiteral } from "../inert.js";

export type Child = (s: IRSchema) => Rendered;

/**
 * `type: array`: `$array(items, opts)`, or `$tuple(prefixItems, rest, opts)` where elements may
 * be missing (JSON Schema accepts a shorter array) and `rest` is `items` (absent = anything,
 * false = nothing more). `uniqueItems` uses deep equality; `contains` counts matching items
 * within min/maxContains.
 */
export function renderArray(st: ZodState, s: IRSchema, child: Child): Rendered {
  const a = s.array ?? {};
  st.deferred++;
  const items = a.items ? child(a.items) : { z: "$any", ts: "unknown" };
  const prefix = a.prefixItems?.map(child);
  const contains = a.contains ? child(a.contains) : undefined;
  st.deferred--;
  const opts: string[] = [];
  if (a.minItems !== undefined && a.minItems > 0) opts.push(`minItems: ${numberLiteral(a.minItems)}`);
  if (a.maxItems !== undefined) opts.push(`maxItems: ${numberLiteral(a.maxItems)}`);
  if (a.uniqueItems) opts.push("uniqueItems: true");
  if (contains) opts.push(`contains: [${contains.z}, ${numberLiteral(a.minContains ?? 1)}, ${numberLiteral(a.maxContains ?? Infinity)}]`);
  const o = opts.length ? `, { ${opts.join(", ")} }` : "";

  if (prefix && prefix.length > 0) {
    const noRest = a.items?.boolean === false;
    const required = Math.min(a.minItems ?? 0, prefix.length);
    const elems = prefix.map((p, i) => (i < required ? p.ts : /^[\w$]+$/.test(p.ts) ? `${p.ts}?` : `(${p.ts})?`));
    const ts = `[${[...elems, ...(noRest ? [] : [`...${tsArray(items.ts)}`])].join(", ")}]`;
    return { z: `$tuple([${prefix.map((p) => asZ(p.z)).join(", ")}], ${noRest ? "false" : items.z}${o})`, ts };
  }
  if (!o && items.z === "$any") return { z: "$arr", ts: "unknown[]" };
  return { z: `$array(${items.z}${o})`, ts: tsArray(items.ts) };
}
