import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
// By path, not by package name: the types package is renamed with the config's scope.
import type { components as Types } from "../../types/src/index.js";
import { components as schemas } from "../src/index.js";

// Mutual assignability: the same set of values both ways (a missing or extra required property, a
// wrong type or optional-vs-required all fail). Identity would also fail on `A & B` vs `B & A`.
type IsAny<T> = 0 extends 1 & T ? true : false;
type Equal<A, B> = IsAny<A> extends true ? IsAny<B> : IsAny<B> extends true ? false : [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type Inferred = { [K in keyof typeof schemas]: z.infer<(typeof schemas)[K]> };
/** true per component whose zod type is exactly the openapi-typescript type; the names that differ show in a failure. */
type Agreement = { [K in keyof Types["schemas"]]: K extends keyof Inferred ? Equal<Inferred[K], Types["schemas"][K]> : "missing" };
type AllTrue = { [K in keyof Types["schemas"]]: true };

describe("zod and openapi-typescript agree on every component type", () => {
  it("z.infer of each component equals its openapi-typescript type", () => {
    expectTypeOf<Agreement>().toEqualTypeOf<AllTrue>();
    expectTypeOf<keyof typeof schemas>().toEqualTypeOf<keyof Types["schemas"]>();
  });
});
