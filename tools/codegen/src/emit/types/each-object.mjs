// One walk over a document's objects for the rewrites made before openapi-typescript reads it.

/**
 * Calls `visit` on every non-array object under `root` (arrays are walked through, not visited).
 * Iterative: a spec may nest deeper than the call stack allows.
 * @param {unknown} root
 * @param {(node: any) => void} visit
 */
export function eachObject(root, visit) {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const v of node) if (v !== null && typeof v === "object") stack.push(v);
      continue;
    }
    visit(node);
    for (const k in node) {
      const v = node[k];
      if (v !== null && typeof v === "object") stack.push(v);
    }
  }
}
