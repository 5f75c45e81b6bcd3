/**
 * A published spec with one operationId on two operations (GitHub's REST description 17.0.0 names
 * 15 webhooks `push`): the first keeps it, each later one loses it with a warning at its pointer,
 * and every target names that one from its method and path. Given such specs (paths, 3.0
 * `x-webhooks`, 3.1 `webhooks`, one path item $ref'd from two paths), want those warnings, distinct
 * operations in the model and the client, and the whole output clean under one strict tsc with a
 * consumer that reads each operation's own types.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../src/generate.js";
import { loadSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/ir/build-model.js";
import { makeConsumer, typeCheck } from "../support/consumer.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const body = (name: string) => ({ content: { "application/json": { schema: { type: "object", required: [name], properties: { [name]: { type: "string" } } } } } });
const ok = (name: string) => ({ "200": { description: "ok", ...body(name) } });

const SPEC = {
  openapi: "3.1.0",
  info: { title: "Dups", version: "1" },
  paths: {
    "/a": { get: { operationId: "same", responses: ok("a") } },
    "/b": { post: { operationId: "same", responses: ok("b") } },
    "/shared-1": { $ref: "#/components/pathItems/Shared" },
    "/shared-2": { $ref: "#/components/pathItems/Shared" },
  },
  webhooks: {
    closed: { post: { operationId: "push", requestBody: body("closed"), responses: { "200": { description: "ok" } } } },
    opened: { post: { operationId: "push", requestBody: body("opened"), responses: { "200": { description: "ok" } } } },
  },
  components: { pathItems: { Shared: { get: { operationId: "shared", responses: ok("s") } } } },
};

const load = async (doc: object, name: string) => {
  const dir = scratch("dup-ids-");
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return { dir, file, model: buildModel(await loadSpec(file)) };
};

describe("duplicate operationIds: the first keeps the id, the others are named from method and path", () => {
  let dir: string;
  let file: string;
  let model: Awaited<ReturnType<typeof load>>["model"];
  beforeAll(async () => ({ dir, file, model } = await load(SPEC, "spec.json")));

  it("warns at each later operation's pointer, naming the first", () => {
    expect(model.warnings.map((w) => `${w.pointer}: ${w.message}`)).toEqual([
      '#/paths/~1b/post/operationId: operationId "same" is already used by GET /a (#/paths/~1a/get); left out here, so this operation is named from its method and path',
      '#/components/pathItems/Shared/get/operationId: operationId "shared" is already used by GET /shared-1 (#/components/pathItems/Shared/get); left out of both (one path item reached from two paths), so this operation is named from its method and path',
      '#/webhooks/opened/post/operationId: operationId "push" is already used by POST closed (#/webhooks/closed/post); left out here, so this operation is named from its method and path',
    ]);
  });

  it("keeps every operation, each under its own id", () => {
    expect(model.operations.map((o) => [o.id, o.operationId])).toEqual([
      ["same", "same"],
      ["POST /b", undefined],
      ["GET /shared-1", undefined],
      ["GET /shared-2", undefined],
    ]);
    expect(model.webhooks.map((w) => [w.name, w.operation.id])).toEqual([
      ["closed", "push"],
      ["opened", "POST opened"],
    ]);
  });

  it("generates every target, and each operation keeps its own types under one strict tsc", { timeout: 120_000 }, async () => {
    const consumer = makeConsumer(dir);
    const { warnings } = await generate({ spec: file, out: join(dir, "out"), workers: false });
    expect(warnings.filter((w) => /operationId/.test(w.message))).toHaveLength(3);
    const client = readFileSync(join(dir, "out/client.gen.ts"), "utf8");
    expect(client).toMatch(/"POST \/b"/);
    await consumer;
    writeFileSync(
      join(dir, "consumer.ts"),
      [
        `import type { paths, webhooks } from "./out/types.gen.js";`,
        `type Ok<P> = P extends { responses: { 200: { content: { "application/json": infer B } } } } ? B : never;`,
        `export const a: Ok<paths["/a"]["get"]> = { a: "x" };`,
        `export const b: Ok<paths["/b"]["post"]> = { b: "x" };`,
        `// @ts-expect-error /b answers its own body, not /a's`,
        `export const notA: Ok<paths["/b"]["post"]> = { a: "x" };`,
        `type Hook<W> = W extends { post: { requestBody?: { content: { "application/json": infer B } } } } ? B : never;`,
        `export const opened: Hook<webhooks["opened"]> = { opened: "x" };`,
        `// @ts-expect-error the opened webhook's payload is its own`,
        `export const notClosed: Hook<webhooks["opened"]> = { closed: "x" };`,
      ].join("\n") + "\n",
    );
    expect(await typeCheck(dir, ["consumer.ts", "out/**/*.ts"])).toBe("");
  });

  it("the same in a 3.0 spec's x-webhooks (as GitHub's spec carries them)", async () => {
    const { model: m30 } = await load(
      {
        openapi: "3.0.3",
        info: { title: "Hooks", version: "1" },
        paths: {},
        "x-webhooks": { closed: { post: { operationId: "push", responses: { "200": { description: "ok" } } } }, edited: { post: { operationId: "push", responses: { "200": { description: "ok" } } } } },
      },
      "spec30.json",
    );
    expect(m30.warnings.map((w) => w.pointer)).toEqual(["#/x-webhooks/edited/post/operationId"]);
    expect(m30.webhooks.map((w) => w.operation.id)).toEqual(["push", "POST edited"]);
  });
});
