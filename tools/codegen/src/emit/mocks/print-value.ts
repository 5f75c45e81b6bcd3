/**
 * JSON values as readable TypeScript literals: short objects and arrays on one line, longer ones
 * one entry per line; objects listed in `refs` print as the name of the constant holding them
 * (shared component fixtures are written once). `__proto__` keys are written as computed keys
 * so they stay own properties.
 */
import { numberLiteral, propertyKey, stringLiteral } from "../inert.js";

const WIDTH = 100;

export class LiteralPrinter {
  constructor(private readonly refs: ReadonlyMap<object, string>) {}

  /** `value` as a literal; `self` (the constant being defined) is printed in full, not by name. */
  print(value: unknown, indent = "", self?: object): string {
    if (value === null || typeof value !== "object") return scalar(value);
    const ref = value !== self ? this.refs.get(value) : undefined;
    if (ref) return ref;
    const inner = indent + "  ";
    const isArray = Array.isArray(value);
    const parts = isArray
      ? (value as unknown[]).map((v) => this.print(v, inner))
      : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${propertyKey(k)}: ${this.print(v, inner)}`);
    const [open, close] = isArray ? ["[", "]"] : ["{ ", " }"];
    if (parts.length === 0) return isArray ? "[]" : "{}";
    const length = parts.reduce((n, p) => n + p.length + 2, indent.length + 4);
    if (length <= WIDTH && !parts.some((p) => p.includes("\n"))) return `${open}${parts.join(", ")}${close}`;
    return `${open.trim()}\n${parts.map((p) => `${inner}${p},`).join("\n")}\n${indent}${close.trim()}`;
  }
}

/** JSON scalars; what JSON cannot hold (undefined, non-finite numbers) is null, as JSON.stringify makes it. */
function scalar(v: unknown): string {
  if (typeof v === "number") return Number.isFinite(v) ? numberLiteral(v) : "null";
  if (typeof v === "string") return stringLiteral(v);
  if (typeof v === "boolean") return String(v);
  return "null";
}
