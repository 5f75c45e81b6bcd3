// readOnly and writeOnly properties in the types of request bodies and responses.
import ts from "typescript";
import { cyclicNodes, memberName, refsOf, schemaRefName } from "./cyclic-members.mjs";

const f = ts.factory;
/** What openapi-typescript declares with `readWriteMarkers`; nothing refers to them once the markers are gone. */
const HELPERS = new Set(["$Read", "$Write", "Readable", "Writable"]);
/** The interface holding each form, and the marker whose property that form leaves out. */
const FORM = { request: { iface: "$request", drops: "$Read" }, response: { iface: "$response", drops: "$Write" } };

/**
 * openapi-typescript types a schema once, so a readOnly `id` listed in `required` is required in a
 * request body too (a create call does not compile without an id the server assigns), and a writeOnly
 * `password` is promised in every response. It runs with `readWriteMarkers`, which wraps those
 * properties in `$Read<…>` / `$Write<…>`, and this resolves the markers into plain types:
 * - `components` stays as before (readOnly properties `readonly`, nothing left out), so
 *   `components["schemas"]["Pet"]` is still the schema as written;
 * - schemas with a readOnly property (directly or through references) get a request form in
 *   `interface $request` without those properties, and schemas with a writeOnly one a response form
 *   in `interface $response`; request bodies (`requestBody`, `components.requestBodies`) and
 *   responses (`responses`, `components.responses`) of `paths` and `operations` refer to them, and
 *   leave such properties of inline schemas out the same way; a webhook's payload, which the API
 *   sends, takes the response form, and the receiver's reply the request form.
 * The client's methods, openapi-fetch and the mock fixtures' types thus take the form that goes over
 * the wire, like the zod module's `X_Request` / `X_Response`. A schema that reaches itself outside an
 * object (see cyclic-members.mjs) keeps its one form everywhere.
 * @param {ts.Node[]} nodes — openapi-typescript's statements, produced with `readWriteMarkers: true`
 * @returns {ts.Node[]}
 */
export function readWriteForms(nodes) {
  const out = nodes.filter((n) => !(ts.isTypeAliasDeclaration(n) && HELPERS.has(n.name.text)));
  const at = out.findIndex((n) => ts.isInterfaceDeclaration(n) && n.name.text === "components");
  const schemas = at < 0 ? [] : sectionMembers(out[at], "schemas");
  const byName = new Map(schemas.map((m) => [memberName(m), m]));
  const cyclic = cyclicNodes([...byName.keys()], (n) => refsOf(byName.get(n).type, "interface").filter((r) => byName.has(r)));
  const forms = { request: needing(byName, cyclic, "$Read"), response: needing(byName, cyclic, "$Write") };

  // Webhook operations (openapi-typescript lists them in `operations` too) are the API's requests to
  // the receiver: the payload is produced by the API (the response form, as the zod module types it)
  // and the receiver's reply by the receiver (the request form).
  const webhooks = out.find((n) => ts.isInterfaceDeclaration(n) && n.name.text === "webhooks");
  const webhookOps = new Set(webhooks ? keysOf(webhooks, "operations") : []);

  const result = out.map((node) => {
    if (node === out[at]) return mapMembers(node, (m) => ({ requestBodies: "request", responses: "response", pathItems: "route" })[memberName(m)] ?? "neutral", forms);
    if (node === webhooks) return mapMembers(node, () => "webhook", forms);
    if (ts.isInterfaceDeclaration(node) && (node.name.text === "paths" || node.name.text === "operations")) {
      const isPaths = node.name.text === "paths";
      return mapMembers(node, (m) => (isPaths || !webhookOps.has(memberName(m)) ? "route" : "webhook"), forms);
    }
    return ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node) ? form(node, "neutral", forms) : node;
  });

  // Only the forms a body or response reaches, and those they reach in turn.
  const decls = [];
  for (const mode of ["request", "response"]) {
    const made = new Map([...forms[mode]].map((name) => [name, form(byName.get(name).type, mode, forms)]));
    const used = new Set();
    const queue = result.flatMap((n) => keysOf(n, FORM[mode].iface));
    for (let name; (name = queue.pop()) !== undefined; ) if (!used.has(name) && made.has(name)) used.add(name), queue.push(...keysOf(made.get(name), FORM[mode].iface));
    if (used.size === 0) continue;
    const members = [...made].filter(([name]) => used.has(name)).map(([name, type]) => {
      const m = byName.get(name);
      return ts.setSyntheticLeadingComments(f.createPropertySignature(undefined, m.name, undefined, type), ts.getSyntheticLeadingComments(m));
    });
    const doc = mode === "request" ? "readOnly properties left out: the form request bodies in `paths` and `operations` take" : "writeOnly properties left out: the form responses in `paths` and `operations` take";
    const iface = f.createInterfaceDeclaration([f.createModifier(ts.SyntaxKind.ExportKeyword)], FORM[mode].iface, undefined, undefined, members);
    decls.push(ts.addSyntheticLeadingComment(iface, ts.SyntaxKind.MultiLineCommentTrivia, `* Schemas of \`components\` with ${doc}. `, true));
  }
  return at < 0 ? result : [...result.slice(0, at + 1), ...decls, ...result.slice(at + 1)];
}

/** The keys `node` looks up in the declaration named `root` (`root["X"]`). */
function keysOf(node, root) {
  const out = [];
  const visit = (n) => {
    if (ts.isIndexedAccessTypeNode(n) && ts.isTypeReferenceNode(n.objectType) && ts.isIdentifier(n.objectType.typeName) && n.objectType.typeName.text === root) {
      const key = n.indexType;
      if (ts.isLiteralTypeNode(key) && ts.isStringLiteral(key.literal)) out.push(key.literal.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

/** The property signatures of `components[section]`. */
function sectionMembers(iface, section) {
  const member = iface.members.find((m) => ts.isPropertySignature(m) && memberName(m) === section);
  return member?.type && ts.isTypeLiteralNode(member.type) ? member.type.members.filter((m) => ts.isPropertySignature(m) && m.type !== undefined) : [];
}

/** Schemas whose form differs: a `marker` property inline or through a schema that has one (never a cyclic one). */
function needing(byName, cyclic, marker) {
  const direct = new Set();
  const refs = new Map();
  for (const [name, m] of byName) {
    if (cyclic.has(name)) continue;
    let has = false;
    const found = [];
    const visit = (node) => {
      if (isMarker(node) && node.typeName.text === marker) has = true;
      const ref = schemaRefName(node);
      if (ref !== undefined) found.push(ref);
      if (!(ts.isIndexedAccessTypeNode(node) && lookupIntoSchema(node))) ts.forEachChild(node, visit);
    };
    visit(m.type);
    if (has) direct.add(name);
    refs.set(name, found);
  }
  const out = new Set(direct);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, found] of refs) {
      if (!out.has(name) && found.some((r) => out.has(r))) out.add(name), (grew = true);
    }
  }
  return out;
}

/** `iface` with each member's type in the mode `modeOf` picks for it. */
function mapMembers(iface, modeOf, forms) {
  const members = iface.members.map((m) => {
    if (!ts.isPropertySignature(m) || !m.type) return m;
    const mode = modeOf(m);
    return f.updatePropertySignature(m, m.modifiers, m.name, m.questionToken, mode === "route" || mode === "webhook" ? route(m.type, forms, mode === "webhook") : form(m.type, mode, forms));
  });
  return f.updateInterfaceDeclaration(iface, iface.modifiers, iface.name, iface.typeParameters, iface.heritageClauses, members);
}

/**
 * Operation objects (a type literal with `parameters` and `responses`) anywhere in `node`: their request
 * body and responses take their forms, the other way round for a webhook (the API sends its request).
 */
function route(node, forms, webhook = false) {
  const modes = webhook ? { requestBody: "response", responses: "request" } : { requestBody: "request", responses: "response" };
  const visit = (n) => {
    if (ts.isTypeLiteralNode(n) && ["parameters", "responses"].every((k) => n.members.some((m) => ts.isPropertySignature(m) && memberName(m) === k))) {
      const members = n.members.map((m) => {
        if (!ts.isPropertySignature(m) || !m.type) return m;
        const mode = modes[memberName(m)] ?? "neutral";
        return f.updatePropertySignature(m, m.modifiers, m.name, m.questionToken, form(m.type, mode, forms));
      });
      return f.updateTypeLiteralNode(n, f.createNodeArray(members));
    }
    if (isMarker(n) || (ts.isPropertySignature(n) && n.type && isMarker(n.type))) return form(n, "neutral", forms);
    return ts.visitEachChild(n, visit, undefined);
  };
  return visit(node);
}

/**
 * `node` with its markers resolved for `mode`: the property the form leaves out goes, the others keep
 * their type (a readOnly one `readonly`), and in a request or response form a reference to a schema
 * with such a form points at it. Lookups into a schema (`components["schemas"]["X"]["id"]`) stay.
 */
function form(node, mode, forms) {
  const visit = (n) => {
    if (ts.isPropertySignature(n) && n.type && isMarker(n.type)) {
      const kind = n.type.typeName.text;
      if (mode !== "neutral" && FORM[mode].drops === kind) return undefined;
      const readonly = kind === "$Read" && !n.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
      const modifiers = readonly ? [...(n.modifiers ?? []), f.createModifier(ts.SyntaxKind.ReadonlyKeyword)] : n.modifiers;
      return f.updatePropertySignature(n, modifiers, n.name, n.questionToken, visit(n.type.typeArguments[0]));
    }
    if (isMarker(n)) return visit(n.typeArguments[0]);
    if (ts.isIndexedAccessTypeNode(n)) {
      const name = schemaRefName(n);
      if (name === undefined && lookupIntoSchema(n)) return n;
      if (name !== undefined && mode !== "neutral" && forms[mode].has(name)) {
        return f.createIndexedAccessTypeNode(f.createTypeReferenceNode(FORM[mode].iface), f.createLiteralTypeNode(f.createStringLiteral(name)));
      }
    }
    return ts.visitEachChild(n, visit, undefined);
  };
  return visit(node);
}

/** `$Read<T>` / `$Write<T>`. */
function isMarker(node) {
  return ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && (node.typeName.text === "$Read" || node.typeName.text === "$Write") && node.typeArguments?.length === 1;
}

/** `components["schemas"]["X"]["a"]…`: a part of a schema as written, not a body. */
function lookupIntoSchema(node) {
  for (let o = node.objectType; ts.isIndexedAccessTypeNode(o); o = o.objectType) if (schemaRefName(o) !== undefined) return true;
  return false;
}
