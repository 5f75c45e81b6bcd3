import type { IRDocument, IRSchema } from "@specforge/codegen/model";
import { viewOf, type SchemaView } from "./view.js";
import { type CompareContext, report, fmtList, newWalk } from "./context.js";
import type { Sink } from "../types.js";
import { compareSchemas, differences } from "./schema-compat.js";

const label = (s: IRSchema, i: number) => s.ref ?? `#${i + 1}`;
const article = (kind: string) => (kind === "anyOf" ? `an ${kind}` : `a ${kind}`);

/**
 * A plain schema that became a union (or the reverse): the closest branch is compared with the
 * old schema, every other branch is new (widening) or gone (narrowing).
 */
export function compareUnionShape(b: IRSchema, h: IRSchema, bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const toUnion = !!hv.union;
  const single = toUnion ? b : h;
  const uv = toUnion ? hv : bv;
  const doc = toUnion ? cx.sink.head : cx.sink.base;
  // The union's own nullability (3.0 `nullable: true` beside it, a `null` branch) goes with every branch.
  const branches = flatten(uv, doc, true);
  const score = (br: Branch) => (toUnion ? differences(single, br.schema, cx) : differences(br.schema, single, cx));
  let best = 0;
  let bestScore = Infinity;
  branches.forEach((br, i) => {
    const s = score(br);
    if (s < bestScore) [best, bestScore] = [i, s];
  });
  const kind = uv.union!.kind;
  const at = `${uv.at.union}/${kind}`;
  const others = branches.filter((_, i) => i !== best).map((br) => br.label);
  // A `default` written next to the union applies to whichever branch matches: it goes with the branch.
  const branch = withDefault(branches[best]!.schema, uv.default, doc);
  if (toUnion) {
    compareSchemas(b, branch, `${where}<${branches[best]!.label}>`, cx);
    report(cx, "widen", "union-branch", at, where, `became ${article(kind)}; new branch${others.length > 1 ? "es" : ""} ${others.join(", ")}`);
  } else {
    compareSchemas(branch, h, where, cx);
    report(cx, "narrow", "union-branch", at, where, `is no longer ${article(kind)}; branch${others.length > 1 ? "es" : ""} ${others.join(", ")} removed`);
  }
}

/** `branch` carrying the union's `default` when it has none of its own. */
function withDefault(branch: IRSchema, dflt: { value: unknown } | undefined, doc: IRDocument): IRSchema {
  if (!dflt || viewOf(branch, doc).default) return branch;
  return { ...branch, meta: { ...branch.meta, hasDefault: true, default: dflt.value } };
}

/**
 * A union next to other assertions (`type: object` + `anyOf` of required sets) is one more
 * condition on the value: adding it narrows, dropping it widens. Unless the side without the union
 * takes one of its branches in (`allOf: [oneOf: [A, B], …]` became `allOf: [A, …]`): then the union
 * kept that branch only, and the others were removed (or, the other way round, added).
 */
export function compareUnionConstraint(bs: IRSchema, hs: IRSchema, bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const u = (bv.union ?? hv.union)!;
  const at = `${(bv.union ? bv : hv).at.union}/${u.kind}`;
  const plain = bv.union ? composedRefs(hs, cx.sink.head) : composedRefs(bs, cx.sink.base);
  const kept = u.branches.findIndex((br) => br.ref !== undefined && plain.has(br.ref));
  if (kept >= 0) {
    const others = u.branches.filter((_, i) => i !== kept).map((br) => label(br, u.branches.indexOf(br)));
    const which = `${u.kind} of ${u.branches.length} branches`;
    if (bv.union) report(cx, "narrow", "union-branch", at, where, `${which} narrowed to ${label(u.branches[kept]!, kept)}; branch${others.length > 1 ? "es" : ""} ${others.join(", ")} removed`);
    else report(cx, "widen", "union-branch", at, where, `${label(u.branches[kept]!, kept)} widened to a ${which}; new branch${others.length > 1 ? "es" : ""} ${others.join(", ")}`);
    return;
  }
  if (bv.union) report(cx, "widen", "union-constraint", at, where, `${u.kind} constraint (${u.branches.length} branches) removed`);
  else report(cx, "narrow", "union-constraint", at, where, `${u.kind} constraint (${u.branches.length} branches) added`);
}

/** Named schemas `s` is made of: its `$ref`, and through it and `allOf`, theirs. */
function composedRefs(s: IRSchema, doc: IRDocument, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 32) return out;
  if (s.ref && !out.has(s.ref)) {
    out.add(s.ref);
    const target = doc.schemaByName.get(s.ref);
    if (target) composedRefs(target.schema, doc, out, depth + 1);
  }
  for (const m of s.allOf ?? []) composedRefs(m, doc, out, depth + 1);
  return out;
}

/**
 * Two unions: branches are paired by schema name, then by identical content, then by position.
 * Branches that are unions themselves are flattened first (see flatten), and a union-level null
 * goes with the branches when both sides allow null at some level.
 */
export function compareUnionBranches(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const bu = bv.union!;
  const hu = hv.union!;
  const at = `${hv.at.union ?? hv.pointer}/${hu.kind}`;
  let bb = flatten(bv, cx.sink.base, false);
  let hb = flatten(hv, cx.sink.head, false);
  // Null written beside the union on one side and inside a branch (or beside the union) on the
  // other: carried into the branches, null is still allowed and no pair reports it. Only null
  // beside one union and nowhere on the other side is left to the union-level comparison.
  const nullInBranch = (bs: Branch[], doc: IRDocument) => bs.some((br) => viewOf(br.schema, doc).nullable);
  const carryB = bareNullable(bv) && (bareNullable(hv) || nullInBranch(hb, cx.sink.head));
  const carryH = bareNullable(hv) && (bareNullable(bv) || nullInBranch(bb, cx.sink.base));
  if (carryB) bb = bb.map((br) => carryNull(br, cx.sink.base));
  if (carryH) hb = hb.map((br) => carryNull(br, cx.sink.head));
  const pairs: [number, number][] = [];
  const freeB = new Set(bb.keys());
  const freeH = new Set(hb.keys());
  const pair = (i: number, j: number) => {
    pairs.push([i, j]);
    freeB.delete(i);
    freeH.delete(j);
  };
  for (const i of [...freeB]) {
    const j = [...freeH].find((j) => bb[i]!.orig.ref && bb[i]!.orig.ref === hb[j]!.orig.ref);
    if (j !== undefined) pair(i, j);
  }
  for (const i of [...freeB]) {
    const j = [...freeH].find((j) => differences(...pairOf(bb[i]!, hb[j]!), cx) === 0);
    if (j !== undefined) pair(i, j);
  }
  // The branches left pair by position when as many are left on each side. Both lists are taken
  // before pairing: pair() shrinks the sets, and indexing a set that shrinks runs off its end.
  if (freeB.size === freeH.size) {
    const [restB, restH] = [[...freeB], [...freeH]];
    restB.forEach((i, k) => pair(i, restH[k]!));
  }
  // oneOf rejects values matching several branches; anyOf accepts them. What counts is the kind
  // the paired branches were under (`anyOf: [oneOf: [A, B], null]` is a oneOf of A and B).
  const bk = effectiveKind(bu.kind, pairs.map(([i]) => bb[i]!));
  const hk = effectiveKind(hu.kind, pairs.map(([, j]) => hb[j]!));
  if (bk !== hk) report(cx, bk === "oneOf" ? "widen" : "narrow", "union-kind", at, where, `${bk} changed to ${hk}`);
  for (const [i, j] of pairs) compareSchemas(...pairOf(bb[i]!, hb[j]!), `${where}<${hb[j]!.label}>`, cx);
  // A branch left over whose values another branch of the other side takes (`{enum}` next to a
  // plain string) was not removed from a request (nor added to a response): no value changed side.
  const covered = (b: Branch[], h: Branch[]) => (x: Branch, side: "b" | "h") => !cx.negated && (side === "b" ? h : b).some((y) => !breaks(...(side === "b" ? pairOf(x, y) : pairOf(y, x)), cx));
  const cover = covered(bb, hb);
  const removed = [...freeB].map((i) => bb[i]!).filter((br) => cx.dir !== "request" || !cover(br, "b"));
  const added = [...freeH].map((j) => hb[j]!).filter((br) => cx.dir !== "response" || !cover(br, "h"));
  const list = (bs: Branch[]) => bs.map((br) => br.label).join(", ");
  // Pointed at where the branch was listed: a removed one in the base document (it is not in the head).
  if (removed.length) report(cx, "narrow", "union-branch", removed[0]!.at, where, `${bu.kind} branch${removed.length > 1 ? "es" : ""} ${list(removed)} removed`);
  if (added.length) report(cx, "widen", "union-branch", added[0]!.at, where, `new ${hu.kind} branch${added.length > 1 ? "es" : ""} ${list(added)}`);
  compareDiscriminators(bv, hv, where, cx, removed.length + added.length === 0);
}

/** Whether comparing `b` with `h` in `cx`'s direction finds a breaking difference. */
function breaks(b: IRSchema, h: IRSchema, cx: CompareContext): boolean {
  let n = 0;
  const sink: Sink = { ...cx.sink, emit: (c) => void (c.breaking && n++) };
  compareSchemas(b, h, "", newWalk(sink, cx.dir));
  return n > 0;
}

/** One branch of a (flattened) union. */
interface Branch {
  /** What is compared: `orig`, carrying the null of the unions it sits in. */
  schema: IRSchema;
  orig: IRSchema;
  /** `#2`, `Name`, or the path through nested unions: `Err/E1`, `VoiceIds/#1`. */
  label: string;
  /** Pointer of the union keyword the branch is listed under (in its own document). */
  at: string;
  /** Kind of that union. */
  kind: "oneOf" | "anyOf";
  /** Listed under a nested union, not the compared one. */
  nested: boolean;
}

/**
 * The branches of `v`'s union, with branches that are only a union themselves (a `$ref` to one, an
 * inline `anyOf`/`oneOf`, nothing else beside it but null) replaced by their branches: a value is
 * accepted by `anyOf: [A, anyOf: [B, C]]` exactly when `anyOf: [A, B, C]` accepts it, and so for a
 * oneOf inside an anyOf, or a oneOf inside a oneOf. An anyOf inside a oneOf is kept (a value
 * matching B and C matches it once). The nested union's null goes with its branches.
 */
function flatten(v: SchemaView, doc: IRDocument, carryTop: boolean): Branch[] {
  const u = v.union!;
  const out: Branch[] = [];
  const seen = new Set<IRSchema>();
  const walk = (branches: IRSchema[], kind: "oneOf" | "anyOf", at: string, prefix: string, nullable: boolean, depth: number) => {
    branches.forEach((br, i) => {
      const name = prefix ? `${prefix}/${label(br, i)}` : label(br, i);
      const inner = depth < 8 && !seen.has(br) ? viewOf(br, doc) : undefined;
      if (inner?.union && onlyUnion(inner) && (kind === "anyOf" || inner.union.kind === "oneOf")) {
        seen.add(br);
        const k = inner.union.kind;
        walk(inner.union.branches, k, `${inner.at.union ?? inner.pointer}/${k}`, name, nullable || inner.nullable, depth + 1);
        return;
      }
      out.push({ schema: nullable ? withNull(br, doc) : br, orig: br, label: name, at, kind, nested: depth > 0 });
    });
  };
  walk(u.branches, u.kind, `${v.at.union ?? v.pointer}/${u.kind}`, "", carryTop && bareNullable(v), 0);
  return out;
}

/** Nothing but a union (and null): no type, value, keyword or negation beside it. */
function onlyUnion(v: SchemaView): boolean {
  const none = (o: object) => Object.values(o).every((x) => x === undefined);
  return !v.types && !v.enum && !v.object && !v.not.length && none(v.string) && none(v.number) && none(v.array);
}

/** Null allowed beside the union itself (not through a type list, which the branches must also pass). */
const bareNullable = (v: SchemaView) => v.nullable && !v.types;

function carryNull(br: Branch, doc: IRDocument): Branch {
  return { ...br, schema: withNull(br.schema, doc) };
}

/** The schemas to compare for a pair: when both carry a null they did not have, the originals compare the same. */
function pairOf(b: Branch, h: Branch): [IRSchema, IRSchema] {
  return b.schema !== b.orig && h.schema !== h.orig ? [b.orig, h.orig] : [b.schema, h.schema];
}

/** The kind the branches are under when they are all under one kind, else the outer union's. */
function effectiveKind(outer: "oneOf" | "anyOf", branches: Branch[]): "oneOf" | "anyOf" {
  const kinds = new Set(branches.map((br) => br.kind));
  return kinds.size === 1 ? [...kinds][0]! : outer;
}

// One wrapper per branch: views, the walk guard and pair sets know schemas by identity.
const nullWrappers = new WeakMap<IRSchema, IRSchema>();

/** `branch` or null (how the loader writes `nullable: true` beside a composition). */
function withNull(branch: IRSchema, doc: IRDocument): IRSchema {
  if (viewOf(branch, doc).nullable) return branch;
  let w = nullWrappers.get(branch);
  if (!w) nullWrappers.set(branch, (w = { pointer: branch.pointer, meta: {}, anyOf: [{ pointer: branch.pointer, types: ["null"], meta: {} }, branch] }));
  return w;
}

/**
 * Discriminator values select a branch: a new value is a new kind of object (widening), a
 * missing one narrows. Skipped when branches changed: that was reported already.
 */
export function compareDiscriminators(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext, values = true): void {
  const bd = bv.union?.discriminator ?? bv.discriminator;
  const hd = hv.union?.discriminator ?? hv.discriminator;
  if (!bd || !hd) return;
  const at = `${hv.at.union ?? hv.pointer}/discriminator`;
  if (bd.propertyName !== hd.propertyName) {
    report(cx, "change", "discriminator", at, where, `discriminator property changed from ${bd.propertyName} to ${hd.propertyName}`);
    return;
  }
  if (!values) return;
  const bvals = bd.mapping.map((m) => m.value);
  const hvals = hd.mapping.map((m) => m.value);
  const removed = bvals.filter((v) => !hvals.includes(v));
  const added = hvals.filter((v) => !bvals.includes(v));
  if (removed.length) report(cx, "narrow", "discriminator-value", `${at}/mapping`, where, `${bd.propertyName} value${removed.length > 1 ? "s" : ""} ${fmtList(removed)} removed`);
  if (added.length) report(cx, "widen", "discriminator-value", `${at}/mapping`, where, `${bd.propertyName} value${added.length > 1 ? "s" : ""} ${fmtList(added)} added`);
}
