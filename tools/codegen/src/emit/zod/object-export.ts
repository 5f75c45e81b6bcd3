import type { ObjInfo } from "./state.js";
import { propertyKey } from "../inert.js";
import { indentType } from "./ts-type.js";

/**
 * The exported type of a component that is a real zod object: `z.ZodObject<{ a: z.ZodType<A>;
 * b: z.ZodOptional<z.ZodType<B>> }, z.core.$strip>`. Each member is typed by the generated type of
 * its property, so `z.infer` is the component's type again; loose objects are declared `$strip`
 * (their type lists the declared keys only, as the component's type does; unknown keys are still
 * kept at run time). The value is cast, not inferred: tsc relates nothing here.
 */
export function objectType(o: ObjInfo): string {
  const members = o.members.map((m) => {
    const t = `z.ZodType<${indentType(m.ts, "  ")}>`;
    return `${propertyKey(m.name)}: ${m.optional ? `z.ZodOptional<${t}>` : t};`;
  });
  const shape = members.length === 0 ? "{}" : members.join(" ").length < 100 ? `{ ${members.join(" ")} }` : `{\n  ${members.join("\n  ")}\n}`;
  const config = o.config === "strict" ? "z.core.$strict" : "z.core.$strip";
  return `z.ZodObject<${shape}, ${config}>`;
}
