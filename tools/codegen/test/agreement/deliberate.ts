/**
 * Deliberate differences between the zod module and Ajv, each listed (with its reason) in
 * tools/codegen/README.md, "zod emitter". An instance the suite sees them disagree on is only
 * excused when one of these predicates names it; everything else fails the suite.
 */
export interface Deliberate {
  name: string;
  reason: string;
  applies(spec: string, component: string, instance: unknown, zod: boolean, ajv: boolean): boolean;
}

export const DELIBERATE: Deliberate[] = [];

export function isDeliberate(spec: string, component: string, instance: unknown, zod: boolean, ajv: boolean): boolean {
  return DELIBERATE.some((d) => d.applies(spec, component, instance, zod, ajv));
}
