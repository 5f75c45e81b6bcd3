import { describe, expect, it } from "vitest";
import { diffDocs, object, sharedThing, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const field = (schema: P) => sharedThing(object({ f: schema }));

// A bound compared on its own says nothing about values the other side's enum (or const) already
// rules out: Stripe's `account.type` went from `{type: string, maxLength: 5000}` to an enum of
// three short strings, which narrows what a response can carry and widens nothing.
const rows: Row[] = [
  {
    name: "maxLength dropped, enum added whose values all keep to it",
    before: field({ type: "string", maxLength: 5000 }),
    after: field({ type: "string", enum: ["custom", "express", "standard"] }),
    want: ["breaking: request-enum-narrowed", "minor: response-enum-narrowed"],
  },
  {
    name: "maxLength dropped, const added that keeps to it",
    before: field({ type: "string", maxLength: 10 }),
    after: field({ type: "string", const: "custom" }),
    // The other-change is the `const` itself: its enum finding points at `…/enum` (view.ts), as without a maxLength.
    want: ["breaking: request-enum-narrowed", "minor: response-enum-narrowed", "patch: other-change"],
  },
  {
    name: "maxLength relaxed, enum added whose values all keep to the old one",
    before: field({ type: "string", maxLength: 10 }),
    after: field({ type: "string", maxLength: 100, enum: ["a", "bb"] }),
    want: ["breaking: request-enum-narrowed", "minor: response-enum-narrowed"],
  },
  {
    name: "maxLength tightened where the base's enum already kept to it (request side)",
    before: field({ type: "string", enum: ["ab", "cd"] }),
    after: field({ type: "string", enum: ["ab", "cd"], maxLength: 2 }),
    want: ["patch: other-change"],
  },
  {
    name: "enum dropped for a maxLength its values all keep to",
    before: field({ type: "string", enum: ["ab", "cd"] }),
    after: field({ type: "string", maxLength: 5 }),
    want: ["warning: response-enum-widened", "minor: request-enum-widened"],
  },
  {
    name: "minimum and maximum dropped, enum of numbers in range added",
    before: field({ type: "integer", minimum: 1, maximum: 10 }),
    after: field({ type: "integer", enum: [1, 5, 10] }),
    want: ["breaking: request-enum-narrowed", "minor: response-enum-narrowed"],
  },
  {
    name: "multipleOf dropped, enum of multiples added",
    before: field({ type: "integer", multipleOf: 5 }),
    after: field({ type: "integer", enum: [5, 10] }),
    want: ["breaking: request-enum-narrowed", "minor: response-enum-narrowed"],
  },
  {
    name: "maxItems dropped, enum of short arrays added",
    before: field({ type: "array", maxItems: 2 }),
    after: field({ type: "array", enum: [["a"], ["a", "b"]] }),
    want: ["breaking: request-enum-narrowed", "minor: response-enum-narrowed"],
  },
  // Real widenings and narrowings stay reported.
  {
    name: "maxLength dropped with no enum",
    before: field({ type: "string", maxLength: 5 }),
    after: field({ type: "string" }),
    want: ["breaking: response-max-length-widened", "minor: request-max-length-widened"],
  },
  {
    name: "maxLength dropped, enum added with a value longer than it",
    before: field({ type: "string", maxLength: 5 }),
    after: field({ type: "string", enum: ["short", "much longer"] }),
    want: ["breaking: request-enum-narrowed", "breaking: response-max-length-widened", "minor: request-max-length-widened", "minor: response-enum-narrowed"],
  },
  {
    name: "maxLength counts code points, not UTF-16 units",
    before: field({ type: "string", maxLength: 2 }),
    after: field({ type: "string", enum: ["😀😀"] }),
    want: ["breaking: request-enum-narrowed", "minor: response-enum-narrowed"],
  },
  {
    name: "maxLength tightened below a value of the base's enum",
    before: field({ type: "string", enum: ["ab", "abcdef"] }),
    after: field({ type: "string", enum: ["ab", "abcdef"], maxLength: 3 }),
    want: ["breaking: request-max-length-narrowed", "minor: response-max-length-narrowed"],
  },
  {
    name: "maximum dropped, enum added with a value above it",
    before: field({ type: "integer", maximum: 10 }),
    after: field({ type: "integer", enum: [5, 11] }),
    want: ["breaking: request-enum-narrowed", "breaking: response-maximum-widened", "minor: request-maximum-widened", "minor: response-enum-narrowed"],
  },
];

describe("bounds next to an enum", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("the repro from Stripe's history: no breaking finding, nothing left unexplained", async () => {
    const before = field({ type: "string", maxLength: 5000 });
    const after = field({ type: "string", enum: ["custom", "express", "standard"] });
    const changes = await diffDocs(before, after);
    expect(changes.filter((c) => c.rule === "response-max-length-widened")).toEqual([]);
    expect(changes.filter((c) => c.rule === "other-change")).toEqual([]);
  });
});
