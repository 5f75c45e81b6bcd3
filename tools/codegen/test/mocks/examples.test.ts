/** Spec examples win when valid; an invalid one is an error naming where it is and what is wrong. */
import { describe, expect, it } from "vitest";
import { load } from "./helpers.js";
import { collectFixtures } from "../../src/emit/mocks/collect.js";
import { emitMocks } from "../../src/emit/mocks/emit-mocks.js";
import type { EmitContext } from "../../src/emit/emitter.js";
import { SpecError } from "../../src/load/spec-error.js";

const user = { type: "object", required: ["id", "role"], properties: { id: { type: "integer", example: 42 }, role: { type: "string", enum: ["admin", "member"] } } };

async function spec(mediaExamples: Record<string, unknown>, schemaExample?: unknown) {
  return load(
    { User: schemaExample === undefined ? user : { ...user, example: schemaExample } },
    {
      paths: {
        "/users/{id}": {
          get: {
            operationId: "getUser",
            responses: {
              "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/User" }, examples: mediaExamples } } },
              "404": { description: "missing", content: { "application/json": { schema: { type: "object", properties: { message: { type: "string" } } } } } },
            },
          },
        },
      },
    },
  );
}

function ctx(loaded: Awaited<ReturnType<typeof spec>>, invalidExamples?: "error" | "warn") {
  const warnings: string[] = [];
  const c: EmitContext = {
    model: loaded.model,
    document: loaded.spec.document,
    options: { typesImport: "./types.gen.js", zodImport: "./zod.gen.js", specLabel: "openapi.json", seed: 1, warn: (p, m) => warnings.push(`${p}: ${m}`), ...(invalidExamples ? { invalidExamples } : {}) } as EmitContext["options"],
  };
  return { c, warnings };
}

describe("examples", () => {
  it("media-type named examples and schema examples win over generated values", async () => {
    const loaded = await spec({ admin: { value: { id: 1, role: "admin" } }, member: { value: { id: 2, role: "member" } } }, { id: 7, role: "member" });
    const set = collectFixtures(loaded.model, 1, () => {});
    const get = set.operations[0]!.responses.find((r) => r.status === "200")!.media[0]!;
    expect(get).toMatchObject({ value: { id: 1, role: "admin" }, fromSpec: true });
    expect(set.components[0]!.value).toEqual({ id: 7, role: "member" });
    // Property-level `example` is used inside generated objects.
    const generated = collectFixtures((await spec({})).model, 1, () => {});
    expect((generated.components[0]!.value as { id: number }).id).toBe(42);
  });

  it("an invalid media-type example is an error naming file, JSON pointer and problem", async () => {
    const loaded = await spec({ broken: { value: { id: "one", role: "admin" } } });
    const { c } = ctx(loaded);
    let error: unknown;
    try {
      emitMocks(c);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    const message = (error as Error).message;
    expect(message).toContain("openapi.json");
    expect(message).toContain("1 example(s) do not match their schema");
    expect(message).toContain("#/paths/~1users~1{id}/get/responses/200/content/application~1json/examples/broken: example at /id: must be integer");
  });

  it("an invalid schema `example` (an annotation) is a warning naming it, and a generated value is used", async () => {
    const loaded = await spec({}, { id: 3, role: "owner" });
    const { c, warnings } = ctx(loaded);
    const files = await emitMocks(c);
    expect(warnings).toEqual([expect.stringContaining("#/components/schemas/User: schema example at /role: must be equal to one of the allowed values")]);
    const set = collectFixtures(loaded.model, 1, () => {});
    expect(set.components[0]!.value).not.toEqual({ id: 3, role: "owner" });
    expect(files.map((f) => f.path)).toContain("mocks.gen.ts");
  });

  it("can be downgraded to warnings, using generated fixtures instead", async () => {
    const loaded = await spec({ broken: { value: { id: "one", role: "admin" } } });
    const { c, warnings } = ctx(loaded, "warn");
    const files = await emitMocks(c);
    expect(warnings).toEqual([expect.stringContaining("examples/broken: example at /id: must be integer (ignored")]);
    expect(files.map((f) => f.path)).toContain("mocks.gen.ts");
  });
});
