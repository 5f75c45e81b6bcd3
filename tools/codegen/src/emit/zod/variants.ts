import type { IRDocument, IRProperty, IRSchema } from "../../ir/types.js";
import { walkSchema } from "../../ir/walk.js";
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
export function variantsOf(doc: IRDocument, mode: Exclude<Mode, "neutral">): Set<string> {
  const flag = FLAG[mode];
  const users = new Map<string, string[]>();
  const out = new Set<string>();
  const queue: string[] = [];
  for (const named of doc.schemas) {
    let direct = false;
    walkSchema(named.schema, (node) => {
      if (node.ref !== undefined) {
        const list = users.get(node.ref) ?? [];
        list.push(named.name);
        users.set(node.ref, list);
      }
      if (!direct && node.object?.properties.some((p) => flagged(doc, p.schema, flag))) direct = true;
    });
    if (direct && !out.has(named.name)) {
      out.add(named.name);
      queue.push(named.name);
    }
  }
  while (queue.length) {
    for (const user of users.get(queue.pop()!) ?? []) {
      if (out.has(user)) continue;
      out.add(user);
      queue.push(user);
    }
  }
  return out;
}
