// Path-item members for OpenAPI 3.2's `query` and `additionalOperations`, which openapi-typescript
// 7.13 does not type (it knows the eight methods of 3.1).
import ts from "typescript";
import { addJSDocComment, createRef, injectOperationObject, oapiRef, transformOperationObject, tsPropertyIndex } from "openapi-typescript";

const FIXED = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** The operations of a path item openapi-typescript leaves out, keyed by lower-case method. */
function extraOperations(item) {
  const out = [];
  for (const [key, op] of Object.entries(item)) if (key.toLowerCase() === "query" && op && typeof op === "object") out.push(["query", op]);
  const more = item.additionalOperations;
  if (more && typeof more === "object") for (const [key, op] of Object.entries(more)) if (!FIXED.has(key.toLowerCase()) && op && typeof op === "object") out.push([key.toLowerCase(), op]);
  return out;
}

/**
 * Adds a member per such operation to the `paths` and `webhooks` interfaces
 * (`query: operations["search"]`), typed the way openapi-typescript types the others: the
 * operation under `operations` when it has an id, inline otherwise; path-level parameters merged
 * into its own. So the client can type `paths["/search"]["query"]` like any other operation.
 * @param {ts.Node[]} nodes — openapi-typescript's statements (changed in place)
 * @param {object} document
 * @param {object} ctx — the context the statements were made with
 * @returns {ts.Node[]}
 */
export function addExtraMethods(nodes, document, ctx) {
  for (const root of ["paths", "webhooks"]) addTo(nodes, root, document[root], ctx);
  // The first operation with an id makes the `operations` interface; openapi-typescript wrote an empty alias.
  const made = ctx.injectFooter.find((n) => ts.isInterfaceDeclaration(n) && n.name.text === "operations");
  const at = nodes.findIndex((n) => n.name?.text === "operations");
  if (made && at >= 0 && nodes[at] !== made) nodes[at] = made;
  return nodes;
}

function addTo(nodes, root, section, ctx) {
  const items = section && typeof section === "object" ? Object.entries(section) : [];
  const wanted = items.map(([url, item]) => [url, item && typeof item === "object" && !("$ref" in item) ? extraOperations(item) : []]).filter(([, ops]) => ops.length);
  if (!wanted.length) return;
  const iface = nodes.find((n) => ts.isInterfaceDeclaration(n) && n.name.text === root);
  if (!iface) return;
  const byUrl = new Map(iface.members.filter((m) => ts.isPropertySignature(m) && m.type && ts.isTypeLiteralNode(m.type)).map((m) => [m.name.text, m.type]));
  for (const [url, ops] of wanted) {
    const literal = byUrl.get(url);
    if (!literal) continue;
    const item = section[url];
    const added = ops.map(([method, op]) => {
      const options = { path: createRef([createRef([root, url]), method]), ctx };
      const keyed = {};
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const r = "$ref" in p ? ctx.resolve(p.$ref) : p;
        keyed[`${r?.in}-${r?.name}`] = p;
      }
      const full = { ...op, parameters: Object.values(keyed) };
      let type;
      if (op.operationId) {
        const id = op.operationId.replace(/#/g, "/");
        injectOperationObject(id, full, options);
        type = oapiRef(createRef(["operations", id]));
      } else type = ts.factory.createTypeLiteralNode(transformOperationObject(full, options));
      const member = ts.factory.createPropertySignature(undefined, tsPropertyIndex(method), undefined, type);
      addJSDocComment(op, member);
      return member;
    });
    literal.members = ts.factory.createNodeArray([...literal.members, ...added]);
  }
}
