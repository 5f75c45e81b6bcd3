import { describe, expect, it } from "vitest";
import { cases } from "./cases/index.js";
import { specOperations } from "./support/spec.js";
import { zodOperation } from "./support/zod-operation.js";

describe("the contract suite covers the whole spec", () => {
  const ops = specOperations();

  it("has a case for every operation of spec/dist/openapi.json, and none for unknown ones", () => {
    expect(ops.length).toBeGreaterThan(0);
    const ids = ops.map((o) => o.id);
    expect(ids.filter((id) => !(id in cases)), "operations without a contract case").toEqual([]);
    expect(Object.keys(cases).filter((id) => !ids.includes(id)), "cases of operations the spec no longer has").toEqual([]);
  });

  it("only falls back to missing credentials where an operation takes no input at all", () => {
    const fallback = ops.filter((o) => "unauthenticated" in (cases[o.id]?.invalid ?? {}));
    expect(fallback.filter((o) => o.hasInputs).map((o) => o.id)).toEqual([]);
  });

  it("streams exactly the operations the spec answers with text/event-stream", () => {
    expect(ops.filter((o) => o.stream).map((o) => o.id)).toEqual(ops.filter((o) => cases[o.id]?.stream).map((o) => o.id));
  });

  it("finds generated zod schemas for every documented status", () => {
    for (const op of ops) expect(Object.keys(zodOperation(op.id).responses).sort(), op.id).toEqual([...op.statuses].sort());
  });
});
