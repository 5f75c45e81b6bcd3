import type { IROperation } from "../../ir/types.js";
import { camelCase, words, IdentifierPool } from "../../ir/naming.js";

export interface SurfaceGroup {
  /** Property name on the api object (camelCase of the tag), or "" for the root. */
  name: string;
  tag?: string;
  members: { name: string; op: IROperation }[];
}

const singular = (w: string) => w.replace(/ies$/i, "y").replace(/(ss|x|ch|sh)es$/i, "$1").replace(/s$/i, "");

/**
 * Groups operations by their first tag and names each after its operationId without the tag's
 * words: `listUsers` under tag `Users` becomes `api.users.list`, `listProductChanges` under
 * `Products` becomes `api.products.listChanges`. Untagged operations sit on the root object.
 */
export function surfaceGroups(ops: IROperation[], reservedRoot: string[]): SurfaceGroup[] {
  const rootPool = new IdentifierPool("properties");
  reservedRoot.forEach((r) => rootPool.reserve(r));
  const groups = new Map<string, SurfaceGroup>();
  const root: SurfaceGroup = { name: "", members: [] };
  for (const op of ops) {
    const tag = op.tags[0];
    if (tag === undefined) {
      root.members.push({ name: "", op });
      continue;
    }
    let g = groups.get(tag);
    if (!g) {
      g = { name: "", tag, members: [] };
      groups.set(tag, g);
    }
    g.members.push({ name: "", op });
  }
  const ordered = [...groups.values()];
  for (const g of ordered) g.name = rootPool.claim(camelCase(g.tag!));
  for (const m of root.members) m.name = rootPool.claim(m.op.ident);
  for (const g of ordered) nameMembers(g);
  return root.members.length ? [root, ...ordered] : ordered;
}

function nameMembers(g: SurfaceGroup): void {
  const tagWords = new Set(words(g.tag ?? "").flatMap((w) => [w.toLowerCase(), singular(w.toLowerCase())]));
  const wanted = g.members.map(({ op }) => {
    const ws = words(op.operationId ?? op.ident).filter((w) => !tagWords.has(w.toLowerCase()) && !tagWords.has(singular(w.toLowerCase())));
    return ws.length ? camelCase(ws.join(" ")) : op.ident;
  });
  // A shortened name shared by two operations would be ambiguous: both keep their full names.
  const counts = new Map<string, number>();
  wanted.forEach((w) => counts.set(w, (counts.get(w) ?? 0) + 1));
  const pool = new IdentifierPool("properties");
  g.members.forEach((m, i) => {
    const w = wanted[i]!;
    m.name = pool.claim(counts.get(w)! > 1 ? m.op.ident : w);
  });
}
