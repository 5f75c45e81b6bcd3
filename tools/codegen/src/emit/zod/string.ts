import type { IRSchema } from "../../ir/types.js";
import type { Rendered, ZodState } from "./state.js";
import { formatDef } from "./formats.js";
import { numberLiteral, stringLiteral } from "../inert.js";

/** Whether the string keywords of `s` assert anything (a known string format counts). */
export function hasStringConstraints(s: IRSchema): boolean {
  const c = s.string;
  if (!c) return false;
  const f = formatDef(c.format);
  return (c.minLength ?? 0) > 0 || c.maxLength !== undefined || c.pattern !== undefined || (f?.kind === "string" && f.helper !== undefined);
}

/**
 * `type: string` with its keywords: `$string({ minLength, maxLength, pattern, format })`. Lengths
 * count code points (not UTF-16 units), `pattern` is an unanchored ECMA-262 regex with the `u`
 * flag (as Ajv compiles it), `format` is ajv-formats' definition.
 */
export function renderString(st: ZodState, s: IRSchema): Rendered {
  const c = s.string ?? {};
  const opts: string[] = [];
  if (c.minLength !== undefined && c.minLength > 0) opts.push(`minLength: ${numberLiteral(c.minLength)}`);
  if (c.maxLength !== undefined) opts.push(`maxLength: ${numberLiteral(c.maxLength)}`);
  if (c.pattern !== undefined) {
    const re = st.regex(c.pattern, s.pointer);
    if (re) opts.push(`pattern: ${re}`);
  }
  const f = st.format(c.format, "string", s.pointer);
  if (f) opts.push(`format: [${f}, ${stringLiteral(c.format!)}]`);
  return { z: opts.length ? `$string({ ${opts.join(", ")} })` : "$str", ts: "string" };
}
