import { joinPointer } from "@specforge/codegen/model";
import type { Sink } from "../types.js";

/** A server variable as the spec writes it (`default`, `enum`), values as strings. */
export interface Variable {
  default?: string;
  enum?: string[];
}

export type Variables = Record<string, Variable>;

/** The raw `variables` of a server object, values as strings (a spec may write numbers). */
export function variablesOf(server: unknown): Variables | undefined {
  const raw = server !== null && typeof server === "object" ? (server as { variables?: unknown }).variables : undefined;
  if (raw === null || typeof raw !== "object") return undefined;
  const out: Variables = {};
  for (const [name, v] of Object.entries(raw as Record<string, unknown>)) {
    if (v === null || typeof v !== "object") continue;
    const { default: d, enum: e } = v as { default?: unknown; enum?: unknown };
    out[name] = { ...(d !== undefined ? { default: String(d) } : {}), ...(Array.isArray(e) ? { enum: e.map(String) } : {}) };
  }
  return out;
}

/** The URL a client uses when it sets no variable: each `{name}` replaced by its default (else its first enum value). */
export function resolved(url: string, vars: Variables | undefined): string {
  return url.replace(/\{([^}]*)\}/g, (whole, name: string) => vars?.[name]?.default ?? vars?.[name]?.enum?.[0] ?? whole);
}

/**
 * The variables of one server (same URL template) in both versions: a value clients could pick
 * that is gone breaks them (an enum value removed, or an enum imposed), a new one is an addition.
 */
export function compareVariables(b: Variables | undefined, h: Variables | undefined, url: string, pointer: string, sink: Sink, prefix: string): void {
  for (const [name, hv] of Object.entries(h ?? {})) {
    const bv = b?.[name];
    if (!bv || !hv.enum) {
      if (bv?.enum && !hv.enum) sink.emit({ rule: "server-variable-value-added", breaking: false, pointer: joinPointer(pointer, "variables", name), reason: `${prefix}server ${url}: variable ${name} takes any value now` });
      continue;
    }
    const at = joinPointer(pointer, "variables", name, "enum");
    const removed = bv.enum ? bv.enum.filter((x) => !hv.enum!.includes(x)) : undefined;
    const added = bv.enum ? hv.enum.filter((x) => !bv.enum!.includes(x)) : [];
    if (!removed) sink.emit({ rule: "server-variable-value-removed", breaking: true, pointer: at, reason: `${prefix}server ${url}: variable ${name} restricted to ${hv.enum.join(", ")}` });
    else if (removed.length) sink.emit({ rule: "server-variable-value-removed", breaking: true, pointer: at, reason: `${prefix}server ${url}: variable ${name} no longer takes ${removed.join(", ")}` });
    if (added.length) sink.emit({ rule: "server-variable-value-added", breaking: false, pointer: at, reason: `${prefix}server ${url}: variable ${name} now takes ${added.join(", ")}` });
  }
}
