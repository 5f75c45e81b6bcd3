import type { OperationMeta } from "@specforge/client";

export type RouteMatch =
  | { kind: "operation"; meta: OperationMeta; params: Record<string, string> }
  /** The path exists, not with this method. */
  | { kind: "method"; allow: string[] }
  | { kind: "none" };

interface Template {
  path: string;
  re: RegExp;
  names: string[];
  /** 0 for a literal segment, 1 for a parameter: literal-first ordering picks `/users/me` over `/users/{id}`. */
  rank: number[];
  byMethod: Map<string, OperationMeta>;
}

function compile(path: string): Omit<Template, "byMethod"> {
  const names: string[] = [];
  const rank: number[] = [];
  const source = path
    .split("/")
    .map((seg) => {
      const param = /^\{([^}]+)\}$/.exec(seg);
      rank.push(param ? 1 : 0);
      if (!param) return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(param[1]!);
      return "([^/]+)";
    })
    .join("/");
  return { path, re: new RegExp(`^${source}$`), names, rank };
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Matches request paths against the spec's path templates, the way the API itself routes: the most
 * literal template that fits the path wins, then the method is looked up on it (so `PATCH /users/me`
 * is a 405, not `updateUser` with id "me"). Built from every operation, exposed or not, so hiding an
 * operation never re-routes its path to a neighbour. A hidden operation (`exposed` false) answers
 * like one the API does not have: a path with no exposed method is no match, and `allow` names
 * only exposed methods, so a 405 reveals nothing that is hidden.
 */
export function createRouter(metas: Iterable<OperationMeta>, exposed: (meta: OperationMeta) => boolean = () => true): (method: string, path: string) => RouteMatch {
  const templates = new Map<string, Template>();
  for (const meta of metas) {
    let t = templates.get(meta.path);
    if (!t) templates.set(meta.path, (t = { ...compile(meta.path), byMethod: new Map() }));
    t.byMethod.set(meta.method.toUpperCase(), meta);
  }
  const ordered = [...templates.values()].sort((a, b) => compareRank(a.rank, b.rank));
  return (method, path) => {
    for (const t of ordered) {
      const m = t.re.exec(path);
      if (!m) continue;
      const meta = t.byMethod.get(method);
      if (!meta || !exposed(meta)) {
        const allow = [...t.byMethod.entries()].filter(([, m]) => exposed(m)).map(([verb]) => verb);
        return allow.length ? { kind: "method", allow } : { kind: "none" };
      }
      const params: Record<string, string> = {};
      t.names.forEach((name, i) => (params[name] = m[i + 1]!));
      return { kind: "operation", meta, params };
    }
    return { kind: "none" };
  };
}
