import { describe, expect, it } from "vitest";
import { diffDocs, object, sharedThing, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const voiceIds = { anyOf: [{ type: "string" }, { type: "string", enum: ["alloy", "ash"] }] };
const custom = object({ id: { type: "string" } }, ["id"], { additionalProperties: false });
const withVoice = (voice: P, more: P = {}) => sharedThing(object({ voice }), { VoiceIdsShared: voiceIds, ...more });

// OpenAI's `voice` went from `VoiceIdsShared` (itself `anyOf: [string, enum]`) to
// `VoiceIdsOrCustomVoice`, `anyOf: [VoiceIdsShared, {custom voice}]`. Paired branch by branch, the
// string met the whole union and the enum met the object: a breaking type change both ways.
const rows: Row[] = [
  {
    name: "a named union became a branch of a wider one (by $ref)",
    before: withVoice(ref("VoiceIdsShared")),
    after: withVoice(ref("VoiceIdsOrCustomVoice"), { VoiceIdsOrCustomVoice: { anyOf: [ref("VoiceIdsShared"), custom] } }),
    // The other change: `Thing` itself now names another schema, and no finding points inside it.
    want: ["breaking: response-union-branch-widened", "minor: request-union-branch-widened", "patch: other-change"],
  },
  {
    name: "a named union became a branch of an inline oneOf",
    before: withVoice(ref("VoiceIdsShared")),
    after: withVoice({ oneOf: [ref("VoiceIdsShared"), custom] }),
    want: ["breaking: response-union-branch-widened", "minor: request-union-branch-widened"],
  },
  {
    name: "the wider union narrowed back to the named one",
    before: withVoice({ anyOf: [ref("VoiceIdsShared"), custom] }),
    after: withVoice(ref("VoiceIdsShared")),
    want: ["breaking: request-union-branch-narrowed", "minor: response-union-branch-narrowed"],
  },
  {
    name: "the named union changed too: reported inside it as well",
    before: withVoice(ref("VoiceIdsShared")),
    after: sharedThing(object({ voice: { anyOf: [ref("VoiceIdsShared"), custom] } }), { VoiceIdsShared: { anyOf: [{ type: "string" }, { type: "string", enum: ["alloy"] }] } }),
    want: ["breaking: request-enum-narrowed", "breaking: response-union-branch-widened", "minor: request-union-branch-widened", "minor: response-enum-narrowed"],
  },
  // The wider union's own null is the kept union's too (3.1's null branch, 3.0's nullable).
  {
    name: "a nullable named union became a branch of a wider nullable union (null branch)",
    before: withVoice({ anyOf: [ref("VoiceIdsShared"), { type: "null" }] }),
    after: withVoice({ anyOf: [ref("VoiceIdsShared"), custom, { type: "null" }] }),
    want: ["breaking: response-union-branch-widened", "minor: request-union-branch-widened"],
  },
  {
    name: "3.0: a nullable named union became a branch of a wider nullable union",
    before: { ...withVoice({ anyOf: [ref("VoiceIdsShared")], nullable: true }), openapi: "3.0.3" },
    after: { ...withVoice({ anyOf: [ref("VoiceIdsShared"), custom], nullable: true }), openapi: "3.0.3" },
    want: ["breaking: response-union-branch-widened", "minor: request-union-branch-widened"],
  },
  {
    name: "the wider nullable union narrowed back to the nullable named one",
    before: withVoice({ anyOf: [ref("VoiceIdsShared"), custom, { type: "null" }] }),
    after: withVoice({ anyOf: [ref("VoiceIdsShared"), { type: "null" }] }),
    want: ["breaking: request-union-branch-narrowed", "minor: response-union-branch-narrowed"],
  },
  // A union that lists itself (a tree of nodes) compares as before, and ends.
  {
    name: "a recursive named union, unchanged",
    before: sharedThing(object({ node: ref("Node") }), { Node: { anyOf: [{ type: "string" }, { type: "array", items: ref("Node") }, ref("Node")] } }),
    after: sharedThing(object({ node: ref("Node") }), { Node: { anyOf: [{ type: "string" }, { type: "array", items: ref("Node") }, ref("Node")] } }),
    want: [],
  },
  {
    name: "a union of two other named unions gains a third",
    before: sharedThing(object({ v: { anyOf: [ref("A"), ref("B")] } }), { A: { anyOf: [{ type: "string" }, { type: "integer" }] }, B: { anyOf: [{ type: "boolean" }, { type: "null" }, { type: "array" }] } }),
    after: sharedThing(object({ v: { anyOf: [ref("A"), ref("B"), custom] } }), { A: { anyOf: [{ type: "string" }, { type: "integer" }] }, B: { anyOf: [{ type: "boolean" }, { type: "null" }, { type: "array" }] } }),
    want: ["breaking: response-union-branch-widened", "minor: request-union-branch-widened"],
  },
];

describe("a named union wrapped in a wider union (or unwrapped)", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual(want);
  });

  it("names the kept union and the new branch, at the wider union", async () => {
    const changes = await diffDocs(rows[1]!.before, rows[1]!.after);
    const widened = changes.find((c) => c.rule === "response-union-branch-widened")!;
    expect(widened.pointer).toBe("#/components/schemas/Thing/properties/voice/oneOf");
    expect(widened.reason).toMatch(/VoiceIdsShared became a branch of a oneOf; new branch #2/);
  });
});
