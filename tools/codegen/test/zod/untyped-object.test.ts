/**
 * A schema with object keywords and no `type` (`{properties: …}`, common in 3.0 specs): the
 * validator accepts any other kind of value, as JSON Schema says, while its type is the object, as
 * @specforge/types has it (openapi-typescript), so a parsed value assigns to the types package's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { compileZod, docWith, type Compiled } from "./compile.js";

describe("object keywords without a type", () => {
  let c: Compiled;
  beforeAll(async () => {
    c = await compileZod(
      docWith({
        Problem: { properties: { type: { type: "string" }, title: { type: "string" } } },
        Mixed: { properties: { a: { type: "string" } }, minLength: 2 },
      }),
      "untyped-object",
    );
  });

  it("given only object keywords, want the object type and JSON Schema's verdicts", () => {
    expect(c.code).toMatch(/export type Problem = \{ type\?: string; title\?: string; \};/);
    expect(c.mod.components.Problem.safeParse({ type: "about:blank", title: "Not found" }).success).toBe(true);
    expect(c.mod.components.Problem.safeParse({ title: 5 }).success).toBe(false);
    expect(c.mod.components.Problem.safeParse("a string").success).toBe(true);
  });

  it("given keywords of two types, want the union the validator accepts", () => {
    expect(c.code).toMatch(/export type Mixed = [^;]*string[^;]*\|/);
  });
});
