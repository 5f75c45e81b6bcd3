/**
 * Data that holds a `$ref` key: SCIM resources carry one (`{"value": "…", "$ref":
 * "https://…/Users/1"}`), and GitHub's REST description 2.2.1 has such examples. The loader keeps
 * them as data (load/ref-contexts.ts), but Prism's resolver takes every `$ref` for a reference: it
 * tries to download the URL, and stops the mock when it cannot ("Error downloading …"). In the
 * mock spec only, those keys are removed from examples, defaults and enums; the rest of the data
 * is served as written. The document is shared with the other emitters: objects on the way to a
 * change are copied, the rest is reused.
 */
import { childContext, isLiteral, type Ctx } from "../../load/ref-contexts.js";

type Json = Record<string, unknown>;

/** `node` without `$ref` keys in its data: the same object when there are none. */
export function withoutRefData(node: unknown, ctx: Ctx = { kind: "root" }): unknown {
  if (node === null || typeof node !== "object") return node;
  if (Array.isArray(node)) return mapArray(node, (v, i) => withoutRefData(v, childContext(ctx, String(i))));
  let out: Json | undefined;
  for (const [k, v] of Object.entries(node)) {
    const next = isLiteral(ctx, k) ? stripRefs(v) : withoutRefData(v, childContext(ctx, k));
    if (next === v) continue;
    put((out ??= { ...(node as Json) }), k, next);
  }
  return out ?? node;
}

/** Literal data with every string `$ref` key removed, at any depth. */
function stripRefs(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return mapArray(value, stripRefs);
  let out: Json | undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k === "$ref" && typeof v === "string") {
      out ??= { ...(value as Json) };
      delete out.$ref;
      continue;
    }
    const next = stripRefs(v);
    if (next === v) continue;
    put((out ??= { ...(value as Json) }), k, next);
  }
  return out ?? value;
}

/** An own data property, also for a key named `__proto__` (an assignment would set the prototype). */
function put(obj: Json, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function mapArray(list: unknown[], f: (v: unknown, i: number) => unknown): unknown[] {
  let out: unknown[] | undefined;
  list.forEach((v, i) => {
    const next = f(v, i);
    if (next !== v) (out ??= [...list])[i] = next;
  });
  return out ?? list;
}
