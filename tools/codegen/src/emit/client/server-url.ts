import type { IRServer } from "../../ir/types.js";
import { constType, jsDoc, propertyKey, stringLiteral, valueLiteral } from "../inert.js";

/** Whether a server of the spec has `{variables}`: only then the client gets serverUrl() (other outputs stay as they were). */
export function hasServerVariables(servers: IRServer[]): boolean {
  return servers.some((s) => s.variables !== undefined);
}

/** The first server's URL with the spec's defaults filled in, as serverUrl() gives it (for examples in docs). */
export function defaultServerUrl(servers: IRServer[]): string | undefined {
  const first = servers[0];
  return first?.url.replace(/\{([^{}]+)\}/g, (whole, name: string, at: number) => {
    const value = first.variables?.[name]?.default ?? whole;
    return first.url[at - 1] === "/" && value.startsWith("/") ? value.slice(1) : value;
  });
}

const DOCS = {
  values: "/** The `{variables}` of each server in `servers`: its default and the values the spec allows. */",
  type: "/** What serverUrl() takes for the server at each index of `servers`. */",
};

/** serverUrl()'s doc, with an example on the first variable of the first server that has one. */
function fnDoc(servers: IRServer[]): string {
  const index = servers.findIndex((s) => s.variables);
  const [name, v] = Object.entries(servers[index]?.variables ?? {})[0] ?? ["name", {}];
  const sample = v.enum?.find((e) => e !== v.default) ?? v.default ?? "value";
  const args = `{ ${propertyKey(name)}: ${stringLiteral(sample)} }${index > 0 ? `, ${index}` : ""}`;
  return jsDoc(
    [
      "A server's URL with its `{variables}` filled in: the values given, else the spec's defaults.",
      "A variable without a value, or a value its enum does not allow, is a TypeError.",
      "",
      "@example",
      `const api = createApi({ baseUrl: serverUrl(${args}) });`,
    ],
    "",
  );
}

/** serverVariables, the ServerVariables type and serverUrl(), as a .ts module, plain JavaScript or declarations. */
export function serverUrlSource(servers: IRServer[], form: "ts" | "js" | "dts"): string[] {
  const values = servers.map((s) => Object.fromEntries(Object.entries(s.variables ?? {}).map(([name, v]) => [name, { default: v.default, enum: v.enum }])));
  const out: string[] = [DOCS.values];
  if (form === "dts") out.push(`export declare const serverVariables: ${constType(values)};`);
  else out.push(`export const serverVariables = ${valueLiteral(values)}${form === "ts" ? " as const" : ""};`);
  out.push("");
  if (form !== "js") out.push(DOCS.type, ...variablesType(servers), "");
  out.push(fnDoc(servers));
  const signature = "serverUrl<I extends keyof ServerVariables = 0>(variables?: ServerVariables[I], index?: I): string";
  if (form === "dts") return [...out, `export declare function ${signature};`];
  const t = (typed: string) => (form === "ts" ? typed : "");
  // Own properties only: a variable named like an Object.prototype member must not read one.
  return [
    ...out,
    form === "ts" ? `export function ${signature} {` : "export function serverUrl(variables, index) {",
    `  const i${t(": number")} = index ?? 0;`,
    `  const declared${t(": { readonly [name: string]: { readonly default?: string; readonly enum?: readonly string[] } }")} = serverVariables[i] ?? {};`,
    `  const given${t(": { readonly [name: string]: string | undefined }")} = variables ?? {};`,
    `  const own = Object.prototype.hasOwnProperty;`,
    `  const url${t(": string")} = servers[i] ?? "";`,
    `  return url.replace(/\\{([^{}]+)\\}/g, (_whole${t(": string")}, name${t(": string")}, at${t(": number")}) => {`,
    "    const spec = own.call(declared, name) ? declared[name] : undefined;",
    "    const value = own.call(given, name) && given[name] !== undefined ? given[name] : spec?.default;",
    "    if (value === undefined) throw new TypeError(`serverUrl: the server variable \"${name}\" has no value (and the spec no default)`);",
    "    if (spec?.enum && !spec.enum.includes(value)) throw new TypeError(`serverUrl: \"${value}\" is not a value of the server variable \"${name}\" (${spec.enum.join(\", \")})`);",
    // `https://host/{basePath}` with a basePath of "/v1": one slash, not two.
    "    return url[at - 1] === \"/\" && value.startsWith(\"/\") ? value.slice(1) : value;",
    "  });",
    "}",
  ];
}

/** One member per server index: each variable optional when it has a default, an enum as a union of its values. */
function variablesType(servers: IRServer[]): string[] {
  const out = ["export interface ServerVariables {"];
  servers.forEach((s, i) => {
    const vars = Object.entries(s.variables ?? {});
    if (vars.length === 0) return out.push(`  ${i}: Record<string, never>;`);
    out.push(`  ${i}: {`);
    for (const [name, v] of vars) {
      const doc = jsDoc([...(v.description ? [v.description] : []), ...(v.default !== undefined ? [`@default ${v.default}`] : [])], "    ");
      if (doc) out.push(doc);
      out.push(`    ${propertyKey(name)}${v.default !== undefined ? "?" : ""}: ${v.enum ? v.enum.map(stringLiteral).join(" | ") : "string"};`);
    }
    out.push("  };");
  });
  out.push("}");
  return out;
}
