import type { IRSchema } from "../../ir/types.js";
import type { Rendered, ZodState } from "./state.js";
import { formatDef } from "./formats.js";
import { numberLiteral, stringLiteral } from "../inert.js";

/** The numeric format of a schema: from the number keywords, or an untyped schema's `format`. */
function numericFormat(s: IRSchema): string | undefined {
  const f = s.number?.format ?? s.string?.format;
  return formatDef(f)?.kind === "number" ? f : undefined;
}

export function hasNumberConstraints(s: IRSchema): boolean {
  const c = s.number ?? {};
  const f = formatDef(numericFormat(s));
  return (
    c.minimum !== undefined ||
    c.maximum !== undefined ||
    c.exclusiveMinimum !== undefined ||
    c.exclusiveMaximum !== undefined ||
    c.multipleOf !== undefined ||
    f?.helper !== undefined
  );
}

/**
 * `type: number`/`integer`: `$number({ integer, minimum, exclusiveMinimum, …, format })`. The
 * integer check is Number.isInteger (JSON Schema: no fraction, any magnitude), int64 stays a
 * number (never a coerced bigint), int32 checks its range, `multipleOf` uses Ajv's quotient test.
 */
export function renderNumber(st: ZodState, s: IRSchema, integer: boolean): Rendered {
  const c = s.number ?? {};
  const opts: string[] = [];
  if (integer) opts.push("integer: true");
  for (const k of ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf"] as const) {
    if (c[k] !== undefined) opts.push(`${k}: ${numberLiteral(c[k])}`);
  }
  const fmt = numericFormat(s);
  const f = integer && fmt === "int64" ? undefined : st.format(fmt, "number", s.pointer);
  if (s.number?.format !== undefined && s.number.format !== fmt && !formatDef(s.number.format)) st.format(s.number.format, "number", s.pointer); // counts it as unknown
  if (f) opts.push(`format: [${f}, ${stringLiteral(fmt!)}]`);
  return { z: opts.length ? `$number({ ${opts.join(", ")} })` : "$num", ts: "number" };
}
