import type { ObjInfo } from "./state.js";
import { propertyKey } from "../inert.js";
import { indentType } from "./ts-type.js";

/**
 * The exported type of a component that is a real zod object: `$Object<X, { a: z.ZodType<A>;
 * b: z.ZodOptional<z.ZodType<B>> }, z.core.$strip>` — `z.ZodType<X>` (so `z.infer` is exactly the
 * component's type) with `.shape` and zod's object methods (`extend`, `pick`, `omit`, `partial`…),
 * typed as zod types them but only where called. Declaring `z.ZodObject<…>` itself made tsc
 * instantiate zod's object internals for every component: 0.54× of hey-api's check time on
 * GitHub's spec against 0.42× this way. Loose objects are declared `$strip` (the type lists the
 * declared keys, as the component's type does; unknown keys are still kept at run time).
 */
export function objectType(typeName: string, o: ObjInfo): string {
  const members = o.members.map((m) => {
    const t = `z.ZodType<${indentType(m.ts, "  ")}>`;
    return `${propertyKey(m.name)}: ${m.optional ? `z.ZodOptional<${t}>` : t};`;
  });
  const shape = members.length === 0 ? "{}" : members.join(" ").length < 100 ? `{ ${members.join(" ")} }` : `{\n  ${members.join("\n  ")}\n}`;
  return `$Object<${typeName}, ${shape}, ${o.config === "strict" ? "z.core.$strict" : "z.core.$strip"}>`;
}
