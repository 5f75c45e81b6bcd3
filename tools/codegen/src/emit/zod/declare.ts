/**
 * A module-level constant whose initializer lives in a function declaration:
 *
 *     export const XSchema: z.ZodType<X> = $schema(XSchema$());
 *     function XSchema$(): $Z {
 *       return …;
 *     }
 *
 * tsc narrows every reference to a `const` by walking the control flow back from the reference
 * to the declaration; at the top level of a module with thousands of declarations that walk is
 * long for each of tens of thousands of references (quadratic: GitHub's module spent seconds
 * there). Inside a function declaration the walk stops at the function's start. Runtime order is
 * unchanged: the function runs where the constant is initialised.
 */
export function declareVia(opts: { name: string; exported: boolean; type?: string; wrap?: (call: string) => string; returnType?: string; body: string }): string {
  const call = `${opts.name}$()`;
  return [
    `${opts.exported ? "export " : ""}const ${opts.name}${opts.type ? `: ${opts.type}` : ""} = ${opts.wrap ? opts.wrap(call) : call};`,
    `function ${opts.name}$()${opts.returnType ? `: ${opts.returnType}` : ""} {`,
    `  return ${opts.body};`,
    `}`,
  ].join("\n");
}

/**
 * `export const <name>: <typeName> = { key: constant, … }`, with `export type <typeName>`
 * written out before it (one `typeof constant` a key) and `doc` (a rendered comment) on the
 * constant. Declaration emit then names each constant instead of spelling out every schema's
 * type: for a large spec's operations or components (GitHub's) the inferred type is past what tsc
 * will serialize (TS7056), and a library that emits declarations could not compile the module.
 */
export function declareMap(name: string, typeName: string, doc: string, entries: readonly (readonly [key: string, constName: string])[]): string {
  const block = (lines: string[], indent: string) => (lines.length ? `{\n${lines.join("\n")}\n${indent}}` : "{}");
  return [
    `/** The type of \`${name}\`. */`,
    // A type alias, not an interface: it stays assignable to Record<string, …> (validateResponses takes it so).
    `export type ${typeName} = ${block(entries.map(([k, c]) => `  ${k}: typeof ${c};`), "")};`,
    doc,
    declareVia({ name, exported: true, type: typeName, body: block(entries.map(([k, c]) => `    ${k}: ${c},`), "  ") }),
  ].join("\n");
}
