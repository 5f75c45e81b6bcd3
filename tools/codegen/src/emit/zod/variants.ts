import type { IRDocument, IRProperty, IRSchema } from "../../ir/types.js";
import { forEachChild } from "../../ir/walk.js";
import type { Mode } from "./state.js";

type Flag = "readOnly" | "writeOnly";
const FLAG: Record<Exclude<Mode, "neutral">, Flag> = { request: "readOnly", response: "writeOnly" };

/** Whether a property's schema carries the flag: its own, its `$ref` target's or an allOf member's. */
function flagged(doc: IRDocument, s: IRSchema, flag: Flag): boolean {
  if (ownFlag(doc, s, flag)) return true;
  for (const m of s.allOf ?? []) if (ownFlag(doc, m, flag)) return true;
  return false;
}

function ownFlag(doc: IRDocument, x: IRSchema, flag: Flag): boolean {
  return x.meta[flag] === true || (x.ref !== undefined && doc.schemaByName.get(x.ref)?.schema.meta[flag] === true);
}

/** Whether `mode` leaves this property out: readOnly ones in requests, writeOnly ones in responses. */
export function omitted(doc: IRDocument, p: IRProperty, mode: Mode): boolean {
  return mode !== "neutral" && flagged(doc, p.schema, FLAG[mode]);
}

/**
 * Named schemas whose request (or response) form differs from the neutral one: those with a
 * flagged property anywhere inline, and those referencing such a schema (transitively).
 */
export function variantsOf(doc: IRDocument): Record<Exclude<Mode, "neutral">, Set<string>> {
  const users = new Map<string, string[]>();
  const out = { request: new Set<string>(), response: new Set<string>() };
  for (const named of doc.schemas) {
    const [ro, wo] = directFlags(doc, named.schema, (r) => {
      const list = users.get(r);
      if (list) list.push(named.name);
      else users.set(r, [named.name]);
    });
    if (ro) out.request.add(named.name);
    if (wo) out.response.add(named.name);
  }
  for (const set of [out.request, out.response]) {
    const queue = [...set];
    while (queue.length) {
      for (const user of users.get(queue.pop()!) ?? []) {
        if (set.has(user)) continue;
        set.add(user);
        queue.push(user);
      }
    }
  }
  return out;
}

/** Whether a schema has a readOnly / writeOnly property anywhere inline; reports its references. */
function directFlags(doc: IRDocument, root: IRSchema, ref: (name: string) => void): [boolean, boolean] {
  let ro = false;
  let wo = false;
  const stack = [root];
  while (stack.length) {
    const s = stack.pop()!;
    if (s.ref !== undefined) ref(s.ref);
    for (const p of s.object?.properties ?? []) {
      ro ||= flagged(doc, p.schema, "readOnly");
      wo ||= flagged(doc, p.schema, "writeOnly");
    }
    forEachChild(s, (c) => stack.push(c));
  }
  return [ro, wo];
}
