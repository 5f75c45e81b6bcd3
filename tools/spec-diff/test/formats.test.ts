import { describe, expect, it } from "vitest";
import { diffDocs, object, sharedThing, verdicts, type Row } from "./support/spec-pair.js";

const v = (type: string, format?: string) => sharedThing(object({ v: { type, ...(format ? { format } : {}) } }));

// Each row changes the component `Thing`, both the request body and the response of POST
// /things: a format admitting more values breaks the response side, fewer the request side.
const rows: Row[] = [
  { name: "int32 → int64 (widened)", before: v("integer", "int32"), after: v("integer", "int64"), want: ["breaking: response-format-widened", "minor: request-format-widened"] },
  { name: "int64 → int32 (narrowed)", before: v("integer", "int64"), after: v("integer", "int32"), want: ["breaking: request-format-narrowed", "minor: response-format-narrowed"] },
  { name: "float → double (widened)", before: v("number", "float"), after: v("number", "double"), want: ["breaking: response-format-widened", "minor: request-format-widened"] },
  { name: "double → float (narrowed)", before: v("number", "double"), after: v("number", "float"), want: ["breaking: request-format-narrowed", "minor: response-format-narrowed"] },
  { name: "format added (narrowed)", before: v("integer"), after: v("integer", "int32"), want: ["breaking: request-format-narrowed", "minor: response-format-narrowed"] },
  { name: "format removed (widened)", before: v("number", "float"), after: v("number"), want: ["breaking: response-format-widened", "minor: request-format-widened"] },
  { name: "unrelated formats (changed)", before: v("string", "date"), after: v("string", "date-time"), want: ["breaking: request-format-changed", "breaking: response-format-changed"] },
];

describe("formats", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("says which way the format moved", async () => {
    const changes = await diffDocs(v("integer", "int32"), v("integer", "int64"));
    expect(changes.find((c) => c.rule === "request-format-widened")?.reason).toBe('request body application/json: body.v: format widened from "int32" to "int64"');
  });
});
