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
