import type { IRDocument, IRProperty, IRSchema } from "./types.js";

/** Which body a value is: as written (`neutral`), sent by a client (`request`) or by the API (`response`). */
export type WireMode = "neutral" | "request" | "response";
export type Flag = "readOnly" | "writeOnly";
const FLAG: Record<Exclude<WireMode, "neutral">, Flag> = { request: "readOnly", response: "writeOnly" };

/**
 * Whether a property's schema carries the flag: its own, its `$ref` target's or an allOf member's.
 * One rule for every target that has request and response forms (the zod module, the fixtures).
 */
export function flagged(doc: IRDocument, s: IRSchema, flag: Flag): boolean {
  if (ownFlag(doc, s, flag)) return true;
  for (const m of s.allOf ?? []) if (ownFlag(doc, m, flag)) return true;
  return false;
}

function ownFlag(doc: IRDocument, x: IRSchema, flag: Flag): boolean {
  return x.meta[flag] === true || (x.ref !== undefined && doc.schemaByName.get(x.ref)?.schema.meta[flag] === true);
}

/** Whether `mode` leaves this property out: readOnly ones in requests, writeOnly ones in responses. */
export function omitted(doc: IRDocument, p: IRProperty, mode: WireMode): boolean {
  return mode !== "neutral" && flagged(doc, p.schema, FLAG[mode]);
}
