/**
 * Prism 5 dies (an uncaught error ends the process, and every later request is refused) on the
 * first request to an operation with:
 * - a path parameter in `label` or `matrix` style, exploded, or of array/object type;
 * - an array/object header parameter (left out of the request is enough);
 * - a query parameter or a multipart field whose style does not fit its type (`pipeDelimited` on
 *   an object, `deepObject` on an array: invalid OpenAPI, and seen in published specs).
 * In the mock spec only, such a parameter admits any value and such a field loses its style: Prism
 * no longer checks their structure, and keeps serving. The contract and the other outputs keep them.
 * Multipart fields lose their style in any case, and array and object fields admit any value (see body()).
 */
type Json = Record<string, unknown>;

/** RFC 6901 tokens of a "#/a/b~1c" pointer (no percent-decoding: keys are written raw). */
export function tokens(pointer: string): string[] {
  const body = pointer.replace(/^#/, "");
  return body === "" ? [] : body.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

type Shape = "primitive" | "array" | "object" | "other";

const isObj = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

const RELAXED_FIELD = "relaxed to any value: Prism 5 rejects every array or object field of a multipart body";

/** Rewrites `root` in place, copying every shared object on the way to a change (the document is the other emitters' too). */
export function prismSafe(root: Json): void {
  const resolve = (node: unknown): Json | undefined => {
    for (let hops = 0; hops < 16 && isObj(node) && typeof node.$ref === "string"; hops++) {
      const ref = node.$ref as string;
      if (!ref.startsWith("#/")) return undefined;
      node = tokens(ref).reduce<unknown>((n, t) => (isObj(n) && Object.prototype.hasOwnProperty.call(n, t) ? n[t] : undefined), root);
    }
    return isObj(node) ? node : undefined;
  };
  const shapeOf = (schema: unknown): Shape => {
    const s = resolve(schema);
    if (!s) return schema === undefined ? "primitive" : "other";
    if (s.allOf || s.anyOf || s.oneOf) return "other";
    const types = (Array.isArray(s.type) ? s.type : [s.type]).filter((t) => t !== "null");
    if (types.length === 1 && (types[0] === "array" || types[0] === "object")) return types[0];
    return types.every((t) => ["string", "number", "integer", "boolean"].includes(t as string)) ? "primitive" : "other";
  };
  const misfit = (style: unknown, shape: Shape) => ((style === "spaceDelimited" || style === "pipeDelimited") && shape !== "array") || (style === "deepObject" && shape !== "object");

  const parameter = (param: unknown): unknown => {
    if (!isObj(param) || param.$ref !== undefined || param.content !== undefined) return param;
    const shape = shapeOf(param.schema);
    const crashes =
      param.in === "path"
        ? (param.style !== undefined && param.style !== "simple") || param.explode === true || shape !== "primitive"
        : param.in === "header"
          ? shape !== "primitive"
          : param.in === "query" && misfit(param.style, shape);
    if (!crashes) return param;
    // Any value: with `type: string` Prism still splits "a,b" and then rejects the array it made.
    const { style: _s, explode: _e, ...rest } = param;
    return { ...rest, schema: {}, "x-specforge-mock": "schema and style relaxed to any value: Prism 5 crashes on this parameter as written" };
  };
  const body = (requestBody: unknown): unknown => {
    if (!isObj(requestBody) || !isObj(requestBody.content)) return requestBody;
    const content = mapValues(requestBody.content, (media, type) => {
      if (!isObj(media)) return media;
      const props = resolve(media.schema)?.properties;
      // OpenAPI 3.0 ignores style in a multipart encoding, and the generated client sends an array
      // as repeated fields; Prism applies the style and rejects those (`a|b` expected).
      const multipart = /^multipart\//i.test(type);
      const encoding = !isObj(media.encoding)
        ? media.encoding
        : mapValues(media.encoding, (enc, name) => {
            if (!isObj(enc) || (enc.style === undefined && enc.explode === undefined)) return enc;
            if (!multipart && !misfit(enc.style, shapeOf(isObj(props) ? props[name] : undefined))) return enc;
            const { style: _s, explode: _e, ...rest } = enc;
            return rest;
          });
      // Prism 5 rejects every array or object field of a multipart body ("must be array"), however it is sent.
      const schema = resolve(media.schema);
      const fields = multipart && schema && isObj(schema.properties) ? mapValues(schema.properties, (p) => (shapeOf(p) === "array" || shapeOf(p) === "object" ? { "x-specforge-mock": RELAXED_FIELD } : p)) : undefined;
      if (encoding === media.encoding && (!fields || fields === schema!.properties)) return media;
      return { ...media, encoding, ...(fields && fields !== schema!.properties ? { schema: { ...schema, properties: fields } } : {}) };
    });
    return content === requestBody.content ? requestBody : { ...requestBody, content };
  };
  const list = (params: unknown): unknown => {
    if (!Array.isArray(params)) return params;
    const next = params.map(parameter);
    return next.some((x, i) => x !== params[i]) ? next : params;
  };
  const operation = (op: unknown): unknown => {
    if (!isObj(op)) return op;
    const parameters = list(op.parameters);
    const requestBody = body(op.requestBody);
    return parameters === op.parameters && requestBody === op.requestBody ? op : { ...op, parameters, requestBody };
  };

  if (isObj(root.components)) {
    const c = root.components;
    const parameters = isObj(c.parameters) ? mapValues(c.parameters, parameter) : c.parameters;
    const requestBodies = isObj(c.requestBodies) ? mapValues(c.requestBodies, body) : c.requestBodies;
    if (parameters !== c.parameters || requestBodies !== c.requestBodies) root.components = { ...c, parameters, requestBodies };
  }
  if (isObj(root.paths)) {
    root.paths = mapValues(root.paths, (item) => (isObj(item) ? mapValues(item, (v, key) => (key === "parameters" ? list(v) : Array.isArray(v) ? v : operation(v))) : item));
  }
}

/** `obj` with `fn` applied to each value; the same object when nothing changed. */
function mapValues(obj: Json, fn: (value: unknown, key: string) => unknown): Json {
  let out: Json | undefined;
  for (const key of Object.keys(obj)) {
    const next = fn(obj[key], key);
    // defineProperty: a component named `__proto__` is an own key, which `=` would not write.
    if (next !== obj[key]) Object.defineProperty((out ??= { ...obj }), key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return out ?? obj;
}
