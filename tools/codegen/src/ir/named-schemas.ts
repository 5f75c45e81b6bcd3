import type { IRNamedSchema, IRSchema } from "./types.js";
import { normalizeSchema, type SchemaContext } from "./normalize-schema.js";
import { SpecError, getAtPointer, parsePointer } from "../load/spec-error.js";
import { IdentifierPool, pascalCase } from "./naming.js";
import { collectRefs } from "./walk.js";
import { isObj } from "./normalize-meta.js";
import { cyclic } from "./scc.js";
import { dynamicAnchorIndex } from "./dynamic-anchors.mjs";

/**
 * Registry of named schemas: every `components.schemas` entry, plus any other place a `$ref`
 * points at (`#/components/schemas/A/properties/b`, `#/paths/…/schema`), promoted to a named
 * schema so that references — recursive ones included — are handled one way.
 */
export class NamedSchemas {
  readonly list: IRNamedSchema[] = [];
  readonly byName = new Map<string, IRNamedSchema>();
  private readonly byRef = new Map<string, string>();
  private readonly pending: { name: string; raw: unknown; pointer: string }[] = [];
  private readonly pool = new IdentifierPool();
  readonly ctx: SchemaContext;

  constructor(
    private readonly doc: Record<string, unknown>,
    private readonly file: string,
    dialect: "3.0" | "3.1",
    warn: (pointer: string, message: string) => void,
  ) {
    this.ctx = {
      dialect,
      warn,
      refName: (ref, at) => this.refName(ref, at),
      resolveRaw: (ref) => (ref.startsWith("#") ? getAtPointer(doc, parsePointer(ref)) : undefined),
      dynamicAnchors: (name) => this.dynamicAnchors(name),
    };
    const components = isObj(doc.components) && isObj(doc.components.schemas) ? doc.components.schemas : {};
    for (const [name, raw] of Object.entries(components)) {
      this.register(name, `#/components/schemas/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`, raw);
    }
  }

  private register(name: string, ref: string, raw: unknown): string {
    this.byRef.set(ref, name);
    this.pending.push({ name, raw, pointer: ref });
    const entry: IRNamedSchema = { name, ident: this.pool.claim(pascalCase(name)), schema: { pointer: ref, meta: {} }, refs: [], recursive: false };
    this.list.push(entry);
    this.byName.set(name, entry);
    return name;
  }

  private anchors?: Map<string, string[]>;

  /** Pointers of `$dynamicAnchor: name` anywhere in the document (indexed on first use: most specs have none). */
  dynamicAnchors(name: string): string[] {
    this.anchors ??= dynamicAnchorIndex(this.doc);
    return this.anchors.get(name) ?? [];
  }

  refName(ref: string, at: string): string {
    if (!ref.startsWith("#")) throw new SpecError(this.file, at, `unresolved external $ref ${JSON.stringify(ref)}`);
    const canonical = ref;
    const known = this.byRef.get(canonical);
    if (known !== undefined) return known;
    const tokens = parsePointer(canonical);
    const raw = getAtPointer(this.doc, tokens);
    if (raw === undefined) throw new SpecError(this.file, at, `$ref target not found: ${ref}`);
    const tail = tokens[0] === "components" && tokens[1] === "schemas" ? tokens.slice(2) : tokens.filter((t) => !["paths", "content", "schema"].includes(t));
    let name = tail.join("_") || "Root";
    for (let i = 2; this.byName.has(name); i++) name = `${tail.join("_")}_${i}`;
    return this.register(name, canonical, raw);
  }

  /** Normalises every registered schema (more may register while doing so) and links them. */
  finish(): void {
    for (let i = 0; i < this.pending.length; i++) {
      const { name, raw, pointer } = this.pending[i]!;
      this.byName.get(name)!.schema = normalizeSchema(raw, pointer, this.ctx);
    }
    for (const entry of this.list) entry.refs = [...collectRefs(entry.schema)];
    refuseAliasCycles(this.list, this.byName, this.file);
    markRecursive(this.list, this.byName);
    inferDiscriminatorMappings(this.list);
  }

  /** Normalises a schema found outside components (parameters, bodies, responses). */
  normalize(raw: unknown, pointer: string): IRSchema {
    return normalizeSchema(raw, pointer, this.ctx);
  }
}

/** A schema that is only a `$ref` (annotations aside): an alias of its target. */
function isAlias(s: IRSchema): boolean {
  for (const k in s) if (k !== "pointer" && k !== "meta" && k !== "ref" && (s as unknown as Record<string, unknown>)[k] !== undefined) return false;
  return s.ref !== undefined;
}

/**
 * `A: {$ref: B}`, `B: {$ref: A}` (also across files, hoisted into components by bundling) names
 * no schema at all: every emitter would chase it for ever (the mocks overflowed the stack, the
 * types were a circular alias tsc rejects). Refused with the whole chain.
 */
function refuseAliasCycles(list: IRNamedSchema[], byName: Map<string, IRNamedSchema>, file: string): void {
  const done = new Set<string>();
  for (const entry of list) {
    const chain: IRNamedSchema[] = [];
    let cur: IRNamedSchema | undefined = entry;
    while (cur && !done.has(cur.name) && isAlias(cur.schema)) {
      const at = chain.indexOf(cur);
      if (at >= 0) {
        const cycle = [...chain.slice(at), cur].map((e) => e.schema.pointer).join(" → ");
        throw new SpecError(file, cur.schema.pointer, `$ref cycle with no schema in between: ${cycle} (each only refers to the next, so none of them describes a value)`);
      }
      chain.push(cur);
      cur = byName.get(cur.schema.ref!);
    }
    for (const e of chain) done.add(e.name);
  }
}

/** Members of a reference cycle (or self-loop) are recursive. */
function markRecursive(list: IRNamedSchema[], byName: Map<string, IRNamedSchema>): void {
  for (const name of cyclic(list.map((e) => e.name), (n) => byName.get(n)?.refs ?? [])) byName.get(name)!.recursive = true;
}

/** A discriminator on a base schema without oneOf/anyOf maps every schema that `allOf`s the base. */
function inferDiscriminatorMappings(list: IRNamedSchema[]): void {
  for (const entry of list) {
    const d = entry.schema.discriminator;
    if (!d || entry.schema.oneOf || entry.schema.anyOf) continue;
    for (const child of list) {
      if (!child.schema.allOf?.some((m) => m.ref === entry.name)) continue;
      if (!d.mapping.some((m) => m.target === child.name || m.value === child.name)) d.mapping.push({ value: child.name, target: child.name });
    }
  }
}
