// `$dynamicAnchor` / `$dynamicRef`, resolved one way for the model (ir/applicators-2020.ts) and the
// types target (emit/types/keywords-2020.mjs). Plain JS: the types target runs in a worker thread
// that may have no TypeScript loader.

/**
 * Pointers of every `$dynamicAnchor` of `doc`, by name (each list sorted).
 * @param {unknown} doc
 * @returns {Map<string, string[]>}
 */
export function dynamicAnchorIndex(doc) {
  const anchors = new Map();
  const stack = [[doc, "#"]];
  while (stack.length) {
    const [node, at] = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (typeof node.$dynamicAnchor === "string") anchors.set(node.$dynamicAnchor, [...(anchors.get(node.$dynamicAnchor) ?? []), at]);
    for (const k of Object.keys(node).reverse()) if (node[k] !== null && typeof node[k] === "object") stack.push([node[k], `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`]);
  }
  for (const list of anchors.values()) list.sort();
  return anchors;
}

/**
 * Where a `$dynamicRef` points whatever the dynamic scope: a JSON pointer as it is, a name with
 * exactly one `$dynamicAnchor` that anchor (`target`); otherwise no target, and the anchors the
 * dynamic scope would choose from (`anchors`, empty when the name has none).
 * @param {string} ref
 * @param {(name: string) => string[]} anchorsOf
 * @returns {{ target?: string, anchors: string[] }}
 */
export function staticDynamicRef(ref, anchorsOf) {
  if (ref.startsWith("#/")) return { target: ref, anchors: [] };
  const name = ref.startsWith("#") ? ref.slice(1) : "";
  const anchors = name ? anchorsOf(name) : [];
  return anchors.length === 1 ? { target: anchors[0], anchors } : { anchors };
}
