import { basename, extname } from "node:path";
import { readDocument } from "./read-document.js";
import { SpecError, getAtPointer, joinPointer, parsePointer } from "./spec-error.js";
import { childContext, type Ctx, COMPONENT_KINDS, isLiteral } from "./ref-contexts.js";
import { refRootOf, refTarget } from "./ref-root.js";
import { throwBrokenRefs, type BrokenRef } from "./check-refs.js";

/**
 * Turns a spec split over many files into one document whose `$ref`s are all local.
 *
 * A reference to another file is hoisted into `components.<kind>` when the place it is used
 * tells its kind (a schema, a parameter…), under a name taken from its pointer or file name;
 * anything else (a path item, say) is inlined. The same target is hoisted once, which also
 * makes circular references between files terminate.
 *
 * References that do not resolve (a missing file or pointer) are all collected, not thrown one by
 * one: into `report` when given (the caller lists them with the broken local ones), else thrown
 * together at the end.
 */
export function bundleRefs(
  rootFile: string,
  root: Record<string, unknown>,
  report?: BrokenRef[],
  /** Hears, per file read, what reading it let through but lost (readDocument's `warn`). */
  warnRead?: (file: string) => (pointer: string, message: string) => void,
): Record<string, unknown> {
  const files = new Map<string, unknown>([[rootFile, root]]);
  const hoisted = new Map<string, string>(); // "file#pointer" → local ref
  if (!hasExternalRefs(root)) return root;
  // Files a reference may read: the spec's folder and below (see ref-root.ts).
  const refRoot = refRootOf(rootFile);
  const components = (root.components ?? {}) as Record<string, Record<string, unknown>>;
  // Hoisted targets go here, merged into the output's components at the end.
  const extra: Record<string, Record<string, unknown>> = {};
  const broken: BrokenRef[] = [];
  const seenBroken = new Set<string>();
  /** Records a reference that does not resolve (once per place); undefined stands in for its target. */
  const brokenRef = (b: BrokenRef): undefined => {
    // Pointers inside a referenced file are walked from its fragment ("/Here/…"): shown as "#/Here/…".
    if (!b.at.startsWith("#")) b.at = `#${b.at}`;
    const key = `${b.file}\0${b.at}\0${b.ref}`;
    if (!seenBroken.has(key)) {
      seenBroken.add(key);
      broken.push(b);
    }
    return undefined;
  };
  const UNREADABLE = Symbol("unreadable");

  const load = (file: string): unknown => {
    let doc = files.get(file);
    if (doc === undefined) {
      try {
        doc = readDocument(file, warnRead?.(file));
      } catch (err) {
        if (err instanceof SpecError && err.pointer === "" && err.problem.startsWith("cannot read")) doc = UNREADABLE;
        else throw err;
      }
      files.set(file, doc);
    }
    return doc;
  };
  /** The value at `pointer` in `target`, or undefined (recorded as broken, written at `from` `at`). */
  const resolve = (target: string, pointer: string, ref: string, from: string, at: string): unknown => {
    const doc = load(target);
    if (doc === UNREADABLE) return brokenRef({ file: from, at, ref, unreadable: target });
    return getAtPointer(doc, parsePointer(pointer)) ?? brokenRef({ file: from, at, ref });
  };

  const uniqueName = (kind: string, wanted: string): string => {
    const own = components[kind] ?? {};
    const bucket = (extra[kind] ??= {});
    const taken = (n: string) => Object.prototype.hasOwnProperty.call(own, n) || Object.prototype.hasOwnProperty.call(bucket, n);
    let name = wanted || "Schema";
    for (let i = 2; taken(name); i++) name = `${wanted}${i}`;
    return name;
  };

  // Walks `node` (which lives in `file`) and rewrites its refs in place (node is a private copy).
  const walk = (node: unknown, file: string, ptr: string, ctx: Ctx): unknown => {
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map((v, i) => walk(v, file, joinPointer(ptr, i), childContext(ctx, String(i))));
    const obj = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (isLiteral(ctx, k)) {
        // Data, copied as is: a `$ref` in an example is part of the example.
        out[k] = v !== null && typeof v === "object" ? structuredClone(v) : v;
      } else if (k === "$ref" && typeof v === "string") {
        out.$ref = rewriteRef(v, file, ptr, ctx);
      } else if (k === "discriminator" && ctx.kind === "schemas" && isMappingHolder(v)) {
        // Mapping values are schema references too, relative to the file they are written in.
        const mapping = Object.fromEntries(
          Object.entries(v.mapping).map(([value, target]) => [
            value,
            typeof target === "string" && /[/#]|\.(ya?ml|json)$/i.test(target) ? rewriteRef(target, file, joinPointer(ptr, k, "mapping", value), { kind: "schemas" }) : target,
          ]),
        );
        out[k] = { ...v, mapping };
      } else {
        out[k] = walk(v, file, joinPointer(ptr, k), childContext(ctx, k));
      }
    }
    return out;
  };

  const rewriteRef = (ref: string, file: string, ptr: string, ctx: Ctx): string | unknown => {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? "" : ref.slice(hash + 1);
    const target = filePart === "" ? file : refTarget(refRoot, filePart, file, ptr);
    if (target === rootFile) return `#${pointer}`;
    const key = `${target}#${pointer}`;
    const known = hoisted.get(key);
    if (known) return known;
    const value = resolve(target, pointer, ref, file, ptr);
    // Left as written: bundling goes on to find the other broken references, then reports them all.
    if (value === undefined) return ref;
    const kind = ctx.kind && COMPONENT_KINDS.has(ctx.kind) ? ctx.kind : undefined;
    if (!kind) return { $inline: walk(value, target, pointer || "#", ctx) };
    const tokens = parsePointer(pointer);
    const wanted = tokens.length > 0 ? tokens[tokens.length - 1]! : basename(target, extname(target));
    const name = uniqueName(kind, wanted.replace(/[^A-Za-z0-9_.-]/g, "_"));
    const local = `#/components/${kind}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    hoisted.set(key, local);
    extra[kind]![name] = null; // reserve before recursing: cycles resolve to `local`
    extra[kind]![name] = walk(value, target, pointer || "#", { kind });
    return local;
  };

  // A component that is only a $ref to another file takes that file's content under its own
  // name, instead of becoming an alias of a hoisted copy.
  for (const [kind, bucket] of Object.entries(components)) {
    if (!COMPONENT_KINDS.has(kind) || bucket === null || typeof bucket !== "object") continue;
    for (const [name, value] of Object.entries(bucket)) {
      const ref = (value as { $ref?: unknown } | null)?.$ref;
      if (typeof ref !== "string" || ref.startsWith("#") || Object.keys(value as object).length !== 1) continue;
      const hash = ref.indexOf("#");
      const at = joinPointer("#/components", kind, name);
      const target = refTarget(refRoot, hash === -1 ? ref : ref.slice(0, hash), rootFile, at);
      const pointer = hash === -1 ? "" : ref.slice(hash + 1);
      const content = resolve(target, pointer, ref, rootFile, at);
      if (content === undefined) {
        bucket[name] = {}; // reported; its $ref is not walked a second time
        continue;
      }
      hoisted.set(`${target}#${pointer}`, joinPointer("#/components", kind, name));
      bucket[name] = { $inline: content, $file: target, $pointer: pointer || "#" };
    }
  }
  for (const [kind, bucket] of Object.entries(components)) {
    if (!COMPONENT_KINDS.has(kind) || bucket === null || typeof bucket !== "object") continue;
    for (const [name, value] of Object.entries(bucket)) {
      const v = value as { $inline?: unknown; $file?: string; $pointer?: string } | null;
      if (v && typeof v === "object" && "$file" in v) bucket[name] = walk(v.$inline, v.$file!, v.$pointer!, { kind });
    }
  }
  const bundled = walk(root, rootFile, "#", { kind: "root" }) as Record<string, unknown>;
  const merged = { ...(bundled.components as Record<string, Record<string, unknown>> | undefined) };
  for (const [kind, bucket] of Object.entries(extra)) merged[kind] = { ...merged[kind], ...bucket };
  bundled.components = merged;
  if (broken.length) {
    if (report) report.push(...broken);
    else throwBrokenRefs(rootFile, broken);
  }
  return inlineMarkers(bundled) as Record<string, unknown>;
}

function isMappingHolder(v: unknown): v is { mapping: Record<string, unknown> } {
  return v !== null && typeof v === "object" && typeof (v as { mapping?: unknown }).mapping === "object" && (v as { mapping?: unknown }).mapping !== null;
}

/** Replaces `{ $ref: { $inline: X } }` left by non-hoistable refs with X itself. */
function inlineMarkers(node: unknown): unknown {
  if (node === null || typeof node !== "object") return node;
  if (Array.isArray(node)) return node.map(inlineMarkers);
  const obj = node as Record<string, unknown>;
  const ref = obj.$ref as { $inline?: unknown } | undefined;
  if (ref && typeof ref === "object" && "$inline" in ref) {
    const { $ref: _drop, ...siblings } = obj;
    const inner = inlineMarkers(ref.$inline) as Record<string, unknown>;
    return Object.keys(siblings).length ? { ...inner, ...(inlineMarkers(siblings) as object) } : inner;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = inlineMarkers(v);
  return out;
}

function hasExternalRefs(node: unknown): boolean {
  const stack: unknown[] = [node];
  while (stack.length) {
    const cur = stack.pop();
    if (cur === null || typeof cur !== "object") continue;
    if (Array.isArray(cur)) {
      for (const v of cur) stack.push(v);
      continue;
    }
    // for…in, not Object.entries: this walks every node of multi-megabyte specs.
    const obj = cur as Record<string, unknown>;
    for (const k in obj) {
      const v = obj[k];
      if (k === "$ref" && typeof v === "string" && !v.startsWith("#")) return true;
      if (typeof v === "object") stack.push(v);
    }
  }
  return false;
}
