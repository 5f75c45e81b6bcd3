/**
 * The helpers a zod module declares: exactly those its code uses (and their dependencies). A
 * consumer compiling with noUnusedLocals trips on any other — oai-webhook-example.yaml, whose only
 * schema is an object, used to get `$schema` because `$objectSchema`'s doc comment names it.
 */
import { describe, expect, it } from "vitest";
import { helperSource, helpersIn } from "../../src/emit/zod/runtime.js";

const declared = (code: string) => [...code.matchAll(/^(?:const|function|type) (\$\w+)/gm)].map((m) => m[1]).sort();

describe("zod module helpers", () => {
  it("given only $objectSchema in use, want $objectSchema and what it uses ($Z, $t), not $schema or $z", () => {
    expect(declared(helperSource(helpersIn("export const A = $objectSchema(x);")))).toEqual(["$Z", "$objectSchema", "$t"]);
  });
  it("given $in only as a property key, in a string and in a doc line, want it not declared", () => {
    const code = ['/** Filter with $in. */', 'export type F = { $in?: string[]; };', 'export const F = $object({ $in: $array($str), x: $enum(["$in"]) }, []);'].join("\n");
    expect([...helpersIn(code)].sort()).toEqual(["$array", "$enum", "$object", "$str"]);
  });
  it("given no helper in use (a spec without schemas), want no declaration at all", () => {
    expect(helperSource(helpersIn("export const components = components$();"))).toBe("");
  });
  it("given $schema only, want the schema type and the cast it uses, not the other", () => {
    expect(declared(helperSource(["$schema"]))).toEqual(["$Z", "$schema", "$t"]);
  });
  it("given a helper whose code (not its doc) uses another, want both", () => {
    const names = declared(helperSource(["$schema"]));
    expect(names).toContain("$schema");
    expect(names).toContain("$t");
  });
});
