import type { IRDocument, IRSchema } from "../../ir/types.js";
import { flagged } from "../../ir/read-write.js";
import { forEachChild } from "../../ir/walk.js";
import type { Mode } from "./state.js";

export { omitted } from "../../ir/read-write.js";

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
