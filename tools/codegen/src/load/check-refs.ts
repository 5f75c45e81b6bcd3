import { dirname, relative } from "node:path";
import { SpecError, getAtPointer, joinPointer, message, parsePointer } from "./spec-error.js";
import { childContext, isLiteral, type Ctx } from "./ref-contexts.js";

/** At most this many broken references are listed; the count says how many more there are. */
const LIST_AT_MOST = 50;

/** A `$ref` that does not resolve: where it is written (file and pointer), and what it says. */
export interface BrokenRef {
  file: string;
  at: string;
  ref: string;
  /** Set when the referenced file itself cannot be read. */
  unreadable?: string;
}

/**
 * Every local `$ref` of the bundled document must resolve. They are all checked before the model
 * is built, so a spec with ten broken references is fixed in one round, not ten: one error that
 * lists each with the pointer it is written at, together with the broken references into other
 * files that bundling found (`external`). Returns the distinct local references.
 */
export function checkLocalRefs(file: string, doc: Record<string, unknown>, external: BrokenRef[] = []): Set<string> {
  const broken: BrokenRef[] = [...external];
  const resolves = new Map<string, boolean>();
  const stack: [unknown, string, Ctx][] = [[doc, "#", { kind: "root" }]];
  while (stack.length) {
    const [node, at, ctx] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) if (typeof node[i] === "object") stack.push([node[i], `${at}/${i}`, childContext(ctx, String(i))]);
      continue;
    }
    const obj = node as Record<string, unknown>;
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const v = obj[k];
      // Examples, defaults and enums are data: a `$ref` there is not a reference.
      if (isLiteral(ctx, k)) continue;
      if (k === "$ref" && typeof v === "string" && v.startsWith("#")) {
        let ok = resolves.get(v);
        if (ok === undefined) resolves.set(v, (ok = getAtPointer(doc, parsePointer(v)) !== undefined));
        if (!ok) broken.push({ file, at, ref: v });
      } else if (v !== null && typeof v === "object") stack.push([v, joinPointer(at, k), childContext(ctx, k)]);
    }
  }
  if (broken.length) throwBrokenRefs(file, broken);
  return new Set(resolves.keys());
}

/**
 * One error for all broken references: the first locates it, each is listed with its pointer, on a
 * line of its own that starts with "- " (a listed file name or pointer is the spec's text).
 */
export function throwBrokenRefs(rootFile: string, broken: BrokenRef[]): never {
  const problem = (b: BrokenRef) => (b.unreadable ? `$ref points to a file that cannot be read: ${b.unreadable}` : `$ref target not found: ${b.ref}`);
  const first = broken[0]!;
  if (broken.length === 1) throw new SpecError(first.file, first.at, problem(first));
  // A reference written in another file of a split spec names that file (relative to the root's folder).
  const where = (b: BrokenRef) => (b.file === rootFile ? b.at : `${relative(dirname(rootFile), b.file)}${b.at}`);
  const list = broken.slice(0, LIST_AT_MOST).map((b) => message`\n  - ${where(b)}: ${b.ref}${b.unreadable ? " (file cannot be read)" : ""}`);
  if (broken.length > LIST_AT_MOST) list.push(message`\n  … and ${broken.length - LIST_AT_MOST} more`);
  throw new SpecError(first.file, first.at, message`${broken.length} $ref targets not found:${list}`);
}
