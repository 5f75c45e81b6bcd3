import type { IRDocument, IRSchema } from "@specforge/codegen/model";
import { viewOf, type SchemaView } from "./view.js";
import { type CompareContext, report, fmtList } from "./context.js";
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
  const listed = uv.union!.branches;
  // The union's own null (3.0's `nullable` beside it, a `null` branch) goes with the branch it is
  // compared by when the plain side allows null too: a nullable enum that became a nullable
  // `anyOf: [string, enum]` still takes null. A difference in null alone was reported at the union.
  const carry = uv.nullable && !uv.types && (toUnion ? bv : hv).nullable;
  const branches = carry ? listed.map((br) => withNull(br, doc)) : listed;
  const score = (br: IRSchema) => (toUnion ? differences(single, br, cx) : differences(br, single, cx));
  let best = 0;
  let bestScore = Infinity;
  branches.forEach((br, i) => {
    const s = score(br);
    if (s < bestScore) [best, bestScore] = [i, s];
  });
  const kind = uv.union!.kind;
  const at = `${uv.at.union}/${kind}`;
  // An enum split across branches is compared as one enum (its values' changes are the enum's).
  const { merged, into } = splitEnum(listed[best]!, listed, kind);
  const others = listed.flatMap((br, i) => (i === best || into.has(br) ? [] : [label(br, i)]));
  // A `default` written next to the union applies to whichever branch matches: it goes with the branch.
  const branch = withDefault(carry ? withNull(merged, doc) : merged, uv.default, doc);
  const name = label(listed[best]!, best);
  if (toUnion) {
    compareSchemas(b, branch, `${where}<${name}>`, cx);
    if (others.length) report(cx, "widen", "union-branch", at, where, `became ${article(kind)}; new branch${others.length > 1 ? "es" : ""} ${others.join(", ")}`);
  } else {
    compareSchemas(branch, h, where, cx);
    if (others.length) report(cx, "narrow", "union-branch", at, where, `is no longer ${article(kind)}; branch${others.length > 1 ? "es" : ""} ${others.join(", ")} removed`);
  }
}

/** Only values: a type list and an enum (or const), nothing else that constrains. */
const enumOnly = (s: IRSchema) => (s.enum !== undefined || s.const !== undefined) && Object.keys(s).every((k) => k === "pointer" || k === "meta" || k === "types" || k === "enum" || k === "const");
const sameTypes = (a: IRSchema, b: IRSchema) => (a.types ?? []).join() === (b.types ?? []).join();
// One merged branch per compared branch: views, the walk guard and pair sets know schemas by identity.
const splitEnums = new WeakMap<IRSchema, IRSchema>();

/**
 * An enum split across branches (`oneOf: [{enum: [sku]}, {enum: [product]}]`, as GitHub writes
 * some) is one enum: when the compared branch is only values, it takes the values of the other
 * branches that are only values of the same types (`into`), so a value another branch takes is not
 * "removed", and a value added in a branch of its own is an enum value added.
 */
function splitEnum(branch: IRSchema, listed: readonly IRSchema[], kind: "oneOf" | "anyOf"): { merged: IRSchema; into: Set<IRSchema> } {
  const into = new Set(enumOnly(branch) ? listed.filter((br) => br !== branch && enumOnly(br) && sameTypes(br, branch)) : []);
  if (!into.size) return { merged: branch, into };
  const all = [branch, ...into].flatMap((br) => br.enum ?? [br.const!.value]);
  // Under a oneOf a value two branches take is rejected: overlapping branches are no single enum.
  if (kind === "oneOf" && new Set(all.map((v) => JSON.stringify(v))).size < all.length) return { merged: branch, into: new Set() };
  let merged = splitEnums.get(branch);
  if (!merged) {
    const { const: _c, ...rest } = branch;
    // Each value once (an anyOf's branches may share some).
    splitEnums.set(branch, (merged = { ...rest, enum: [...new Map(all.map((v) => [JSON.stringify(v), v])).values()] }));
  }
  return { merged, into };
}

// One wrapper per branch: views, the walk guard and its pair sets know schemas by identity.
const nullWrappers = new WeakMap<IRSchema, IRSchema>();

/** `branch` or null, written as the loader writes `nullable: true` beside a composition. */
function withNull(branch: IRSchema, doc: IRDocument): IRSchema {
  if (viewOf(branch, doc).nullable) return branch;
  let w = nullWrappers.get(branch);
  if (!w) nullWrappers.set(branch, (w = { pointer: branch.pointer, meta: {}, anyOf: [branch, { pointer: branch.pointer, types: ["null"], meta: {} }] }));
  return w;
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

/** Two unions: branches are paired by schema name, then by identical content, then by position. */
export function compareUnionBranches(bs: IRSchema, hs: IRSchema, bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  if (wrapped(bs, hs, bv, hv, where, cx)) return;
  const bu = bv.union!;
  const hu = hv.union!;
  const at = `${hv.at.union ?? hv.pointer}/${hu.kind}`;
  if (bu.kind !== hu.kind) {
    // oneOf rejects values matching several branches; anyOf accepts them.
    report(cx, bu.kind === "oneOf" ? "widen" : "narrow", "union-kind", at, where, `${bu.kind} changed to ${hu.kind}`);
  }
  const pairs: [number, number][] = [];
  const freeB = new Set(bu.branches.keys());
  const freeH = new Set(hu.branches.keys());
  const pair = (i: number, j: number) => {
    pairs.push([i, j]);
    freeB.delete(i);
    freeH.delete(j);
  };
  for (const i of [...freeB]) {
    const j = [...freeH].find((j) => bu.branches[i]!.ref && bu.branches[i]!.ref === hu.branches[j]!.ref);
    if (j !== undefined) pair(i, j);
  }
  for (const i of [...freeB]) {
    const j = [...freeH].find((j) => differences(bu.branches[i], hu.branches[j], cx) === 0);
    if (j !== undefined) pair(i, j);
  }
  // The branches left pair by position when as many are left on each side. Both lists are taken
  // before pairing: pair() shrinks the sets, and indexing a set that shrinks runs off its end.
  if (freeB.size === freeH.size) {
    const [restB, restH] = [[...freeB], [...freeH]];
    restB.forEach((i, k) => pair(i, restH[k]!));
  }
  for (const [i, j] of pairs) compareSchemas(bu.branches[i], hu.branches[j], `${where}<${label(hu.branches[j]!, j)}>`, cx);
  const removed = [...freeB].map((i) => label(bu.branches[i]!, i));
  const added = [...freeH].map((j) => label(hu.branches[j]!, j));
  if (removed.length) report(cx, "narrow", "union-branch", at, where, `${bu.kind} branch${removed.length > 1 ? "es" : ""} ${removed.join(", ")} removed`);
  if (added.length) report(cx, "widen", "union-branch", at, where, `new ${hu.kind} branch${added.length > 1 ? "es" : ""} ${added.join(", ")}`);
  compareDiscriminators(bv, hv, where, cx, removed.length + added.length === 0);
}

/**
 * A named union that became one branch of a wider union (OpenAI's `voice`: `VoiceIdsShared`, itself
 * `anyOf: [string, enum]`, became `anyOf: [VoiceIdsShared, {custom voice}]`), or the reverse: the
 * named union is kept whole and the other branches are new (or gone). Paired branch by branch
 * instead, the string would meet the whole union and the enum the object: a type change.
 */
function wrapped(bs: IRSchema, hs: IRSchema, bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): boolean {
  // Only where the named union is not also listed on its own side (a recursive union names itself).
  const within = (name: string | undefined, own: SchemaView, other: SchemaView) =>
    name !== undefined && name !== other.name && !own.union!.branches.some((br) => br.ref === name) ? other.union!.branches.findIndex((br) => br.ref === name) : -1;
  const inHead = within(bv.name, bv, hv);
  const inBase = inHead < 0 ? within(hv.name, hv, bv) : -1;
  if (inHead < 0 && inBase < 0) return false;
  const wider = inHead >= 0 ? hv : bv;
  const u = wider.union!;
  const k = inHead >= 0 ? inHead : inBase;
  const at = `${wider.at.union ?? wider.pointer}/${u.kind}`;
  const others = u.branches.flatMap((br, i) => (i === k ? [] : [label(br, i)]));
  const es = others.length > 1 ? "es" : "";
  // The wider union's own null and default go with the kept branch, as in compareUnionShape.
  const doc = inHead >= 0 ? cx.sink.head : cx.sink.base;
  const carry = wider.nullable && !wider.types && (inHead >= 0 ? bv : hv).nullable;
  const kept = withDefault(carry ? withNull(u.branches[k]!, doc) : u.branches[k]!, wider.default, doc);
  if (inHead >= 0) {
    compareSchemas(bs, kept, `${where}<${bv.name}>`, cx);
    report(cx, "widen", "union-branch", at, where, `${bv.name} became a branch of ${article(u.kind)}; new branch${es} ${others.join(", ")}`);
  } else {
    compareSchemas(kept, hs, where, cx);
    report(cx, "narrow", "union-branch", at, where, `${article(u.kind)} narrowed to its branch ${hv.name}; branch${es} ${others.join(", ")} removed`);
  }
  return true;
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
