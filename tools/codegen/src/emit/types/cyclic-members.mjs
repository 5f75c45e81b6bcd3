// Circular members of openapi-typescript's `components["schemas"]`, made into types tsc accepts.
import ts from "typescript";

/**
 * openapi-typescript types a schema as a member of the `components` interface and a reference as
 * `components["schemas"]["X"]`. tsc resolves such an indexed access eagerly everywhere but inside
 * an object type `{ … }`, so a schema that reaches itself through an array, a tuple, a union or an
 * intersection (`W: string | W[]`, JSON-like values; `V: null & (string | V[])`) is TS2502 and
 * the whole module fails to compile, whoever wrote the spec. Type aliases may recurse through
 * arrays, tuples and intersections: each member of such a cycle becomes `type $CyclicN = …` with
 * the references inside the cycle written as the aliases, and the member is `$CyclicN`. A cycle
 * an alias cannot hold either (`A: B | {…}`, `B: A | null`: nothing but unions in between) is
 * typed `unknown` and says so.
 * @param {ts.Node[]} nodes — openapi-typescript's statements (the members are replaced in place)
 * @returns {ts.Node[]}
 */
export function breakCyclicMembers(nodes) {
  const iface = nodes.find((n) => ts.isInterfaceDeclaration(n) && n.name.text === "components");
  const schemasMember = iface?.members.find((m) => ts.isPropertySignature(m) && memberName(m) === "schemas");
  if (!schemasMember?.type || !ts.isTypeLiteralNode(schemasMember.type)) return nodes;
  const members = schemasMember.type.members.filter((m) => ts.isPropertySignature(m) && m.type !== undefined);
  const byName = new Map(members.map((m) => [memberName(m), m]));

  const interfaceEager = new Map(members.map((m) => [memberName(m), refsOf(m.type, "interface").filter((r) => byName.has(r))]));
  const cyclic = cyclicNodes([...byName.keys()], (n) => interfaceEager.get(n) ?? []);
  if (cyclic.size === 0) return nodes;

  const alias = new Map([...cyclic].map((n, i) => [n, `$Cyclic${i}`]));
  // In an alias only unions, intersections, parentheses and indexed accesses are eager.
  const aliasEager = (n) => refsOf(byName.get(n).type, "alias").filter((r) => alias.has(r));
  const hopeless = cyclicNodes([...alias.keys()], aliasEager);

  const decls = [];
  for (const [name, id] of alias) {
    const member = byName.get(name);
    const body = hopeless.has(name) ? ts.factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword) : rewrite(member.type, alias);
    let decl = ts.factory.createTypeAliasDeclaration(undefined, id, undefined, body);
    if (hopeless.has(name)) {
      decl = ts.addSyntheticLeadingComment(decl, ts.SyntaxKind.MultiLineCommentTrivia, "* A reference cycle with nothing but unions in between: no TypeScript type can state it. ", true);
    }
    decls.push(decl);
  }
  const newMembers = schemasMember.type.members.map((m) => {
    const id = ts.isPropertySignature(m) ? alias.get(memberName(m)) : undefined;
    if (!id) return m;
    const updated = ts.factory.updatePropertySignature(m, m.modifiers, m.name, m.questionToken, ts.factory.createTypeReferenceNode(id));
    return ts.setTextRange(updated, m);
  });
  const newSchemas = ts.factory.updatePropertySignature(schemasMember, schemasMember.modifiers, schemasMember.name, schemasMember.questionToken, ts.factory.createTypeLiteralNode(newMembers));
  const newIface = ts.factory.updateInterfaceDeclaration(
    iface,
    iface.modifiers,
    iface.name,
    iface.typeParameters,
    iface.heritageClauses,
    iface.members.map((m) => (m === schemasMember ? newSchemas : m)),
  );
  const at = nodes.indexOf(iface);
  return [...nodes.slice(0, at), newIface, ...decls, ...nodes.slice(at + 1)];
}

export function memberName(m) {
  return ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) || ts.isNumericLiteral(m.name) ? m.name.text : undefined;
}

/** `components["schemas"]["X"]` → "X" (the innermost such access of a longer chain). */
export function schemaRefName(node) {
  if (!ts.isIndexedAccessTypeNode(node)) return undefined;
  const inner = node.objectType;
  if (!ts.isIndexedAccessTypeNode(inner)) return undefined;
  const root = inner.objectType;
  if (!ts.isTypeReferenceNode(root) || !ts.isIdentifier(root.typeName) || root.typeName.text !== "components") return undefined;
  const key = literalText(inner.indexType);
  return key === "schemas" ? literalText(node.indexType) : undefined;
}

function literalText(node) {
  return ts.isLiteralTypeNode(node) && (ts.isStringLiteral(node.literal) || ts.isNumericLiteral(node.literal)) ? node.literal.text : undefined;
}

/**
 * Names of the schemas `type` refers to where tsc resolves them eagerly: in an interface member
 * everywhere but inside `{ … }`; in a type alias also not inside arrays and tuples.
 */
export function refsOf(type, where) {
  const out = [];
  const visit = (node) => {
    const name = schemaRefName(node);
    if (name !== undefined) {
      out.push(name);
      return;
    }
    if (ts.isTypeLiteralNode(node)) return;
    if (where === "alias" && (ts.isArrayTypeNode(node) || ts.isTupleTypeNode(node))) return;
    ts.forEachChild(node, visit);
  };
  visit(type);
  return out;
}

/** `type` with every `components["schemas"]["X"]` of a cyclic X written as X's alias. */
function rewrite(type, alias) {
  const visit = (node) => {
    if (ts.isIndexedAccessTypeNode(node)) {
      const name = schemaRefName(node);
      if (name !== undefined && alias.has(name)) return ts.factory.createTypeReferenceNode(alias.get(name));
    }
    return ts.visitEachChild(node, visit, undefined);
  };
  return visit(type);
}

/** Members of a cycle or self-loop (Tarjan, iterative, in the given order). */
export function cyclicNodes(roots, deps) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const out = new Set();
  let next = 0;
  for (const root of roots) {
    if (index.has(root)) continue;
    const frames = [];
    const open = (v) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      frames.push({ v, edges: deps(v), i: 0 });
    };
    open(root);
    while (frames.length) {
      const f = frames[frames.length - 1];
      if (f.i < f.edges.length) {
        const w = f.edges[f.i++];
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(f.v, Math.min(low.get(f.v), index.get(w)));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v), low.get(f.v)));
      if (low.get(f.v) !== index.get(f.v)) continue;
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== f.v);
      if (scc.length > 1 || deps(f.v).includes(f.v)) for (const x of scc) out.add(x);
    }
  }
  return out;
}
