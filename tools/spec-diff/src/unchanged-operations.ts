import { getAtPointer, parsePointer, type IROperation } from "@specforge/codegen/model";
import { sameJson } from "./same-json.js";

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => v !== null && typeof v === "object";

/** `#/components/schemas/User/properties/id` → `#/components/schemas/User`; undefined outside components. */
function componentOf(ref: string): string | undefined {
  const m = /^#\/components\/[^/]+\/[^/]+/.exec(ref);
  return m?.[0];
}

/** The `$ref`s of a value, as the components they point into; false when one points elsewhere. */
function refsOf(value: Json, out: Set<string>): boolean {
  if (!isObj(value)) return true;
  if (Array.isArray(value)) return value.every((v) => refsOf(v, out));
  for (const [k, v] of Object.entries(value)) {
    if (k === "$ref" && typeof v === "string") {
      const c = componentOf(v);
      if (!c) return false;
      out.add(c);
    } else if (!refsOf(v, out)) return false;
  }
  return true;
}

/**
 * Which parts of two bundled documents are the same in both, down to everything they reference:
 * an operation that is (its own text, its path item's parameters, every component it reaches) has
 * no contract change to find, so its parameters, body and responses are not walked at all. On
 * large specs most operations do not change between versions, and walking them was most of the time.
 */
export class UnchangedParts {
  private readonly components = new Set<string>();
  private readonly present = new Set<string>();

  constructor(
    private readonly base: Obj,
    private readonly head: Obj,
  ) {
    const refs = new Map<string, Set<string>>();
    const bc = isObj(base.components) ? base.components : {};
    const hc = isObj(head.components) ? head.components : {};
    for (const [kind, group] of Object.entries(hc)) {
      if (!isObj(group) || !isObj(bc[kind])) continue;
      for (const [name, h] of Object.entries(group)) {
        const b = (bc[kind] as Obj)[name];
        if (b !== undefined) this.present.add(`#/components/${escape(kind)}/${escape(name)}`);
        const out = new Set<string>();
        if (b !== undefined && sameJson(b, h) && refsOf(h, out)) refs.set(`#/components/${escape(kind)}/${escape(name)}`, out);
      }
    }
    // A component stays unchanged only while everything it references does.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [c, out] of refs) {
        if ([...out].every((r) => refs.has(r))) continue;
        refs.delete(c);
        changed = true;
      }
    }
    for (const c of refs.keys()) this.components.add(c);
  }

  /**
   * Whether `#/components/<kind>/<name>` is the same in both versions down to what it references;
   * undefined when it is not a component of both.
   */
  component(kind: string, name: string): boolean | undefined {
    const p = `#/components/${escape(kind)}/${escape(name)}`;
    return this.present.has(p) ? this.components.has(p) : undefined;
  }

  /** True when the operation and all it references are the same in both versions. */
  operation(b: IROperation, h: IROperation): boolean {
    if (b.pointer !== h.pointer) return false;
    const tokens = parsePointer(h.pointer);
    const [bo, ho] = [getAtPointer(this.base, tokens), getAtPointer(this.head, tokens)];
    const item = tokens.slice(0, -1);
    const [bp, hp] = [getAtPointer(this.base, [...item, "parameters"]), getAtPointer(this.head, [...item, "parameters"])];
    if (bo === undefined || !sameJson(bo, ho) || !sameJson(bp, hp)) return false;
    const out = new Set<string>();
    return refsOf(ho, out) && refsOf(hp, out) && [...out].every((r) => this.components.has(r));
  }
}

const escape = (t: string) => t.replace(/~/g, "~0").replace(/\//g, "~1");
