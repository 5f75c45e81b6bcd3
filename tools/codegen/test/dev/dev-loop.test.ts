import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DevEvent } from "../../src/dev/dev-loop.js";
import { snapshot, startLoop, tempRoot, type LoopProcess } from "./support.js";

// The watch loop as `pnpm dev` runs it (a forked process), on a private copy of the spec and
// the generated packages. Every step waits for the loop's own event for that save: no timing.
const root = tempRoot();
const file = (p: string) => join(root, p);
const read = (p: string) => readFileSync(file(p), "utf8");
const edit = (p: string, from: RegExp, to: string) => {
  const text = read(p);
  expect(text, `${p} has ${from}`).toMatch(from);
  writeFileSync(file(p), text.replace(from, to));
};
const outputs = () => ({
  dist: snapshot(file("spec/dist")),
  ...Object.fromEntries(["types", "client", "zod", "mocks"].map((p) => [p, snapshot(file(`packages/${p}/src/generated`))])),
});
const count = (text: string, needle: string) => text.split(needle).length - 1;
type Cycle = Extract<DevEvent, { type: "cycle" }>;

let loop: LoopProcess;
const cycleFor = (path: string) => loop.next((e) => e.type === "cycle" && e.trigger.includes(path), `a run for ${path}`) as Promise<Cycle>;

const USER = "spec/components/schemas/User.yaml";
const ADDRESS = "spec/components/schemas/Address.yaml";
const ROOT = "spec/openapi.yaml";

describe("pnpm dev's watch loop", () => {
  beforeAll(async () => {
    loop = startLoop(root);
    const first = (await loop.next((e) => e.type === "cycle", "the first run")) as Cycle;
    expect(first.ok, loop.output()).toBe(true);
  });
  afterAll(async () => {
    await loop?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it("uses Redocly's engine in-process and regenerates every generated package", () => {
    expect(loop.output()).toMatch(/in-process @redocly\/cli [\d.]+ engine; regenerating @specforge\/client, @specforge\/mocks, @specforge\/types, @specforge\/zod\n/);
    expect(loop.output()).toMatch(/✓ \d+ ms \(start\): /);
  });

  let good: ReturnType<typeof outputs>;
  it("a one-line schema edit regenerates the packages, writing only the files that changed", async () => {
    const before = outputs();
    const done = cycleFor(USER);
    edit(USER, /^description: A user account\.$/m, "description: A user account (edited in watch mode).");
    const e = await done;
    expect(e.ok, loop.output()).toBe(true);
    good = outputs();
    expect(read("packages/types/src/generated/types.gen.ts"), loop.output()).toContain("A user account (edited in watch mode).");
    expect(read("packages/mocks/src/generated/openapi.mock.json")).toContain("A user account (edited in watch mode).");
    expect(read("spec/dist/openapi.json")).toContain("A user account (edited in watch mode).");
    // Exactly the files reported as written differ; every other file is untouched.
    const changed = Object.entries(good).flatMap(([dir, files]) =>
      Object.keys(files)
        .filter((f) => files[f] !== (before as Record<string, Record<string, string>>)[dir]![f])
        .map((f) => (dir === "dist" ? `spec/dist/${f}` : `packages/${dir}/src/generated/${f}`)),
    );
    expect(e.ok && [...e.written].sort()).toEqual(changed.sort());
    expect(changed).toContain("packages/types/src/generated/types.gen.ts");
    expect(changed).not.toContain("packages/client/src/generated/client.gen.ts");
  });

  it("a lint error is printed once with file:line:col, rule and message; the output stays as it was", async () => {
    const done = cycleFor(USER);
    edit(USER, /^type: object$/m, "type: objekt");
    const e = await done;
    expect(e.ok).toBe(false);
    expect(e.ok === false && e.stage).toBe("lint");
    const line = `${USER}:1:7  error  struct  \`type\` can be one of the following only`;
    expect(count(loop.output(), line), loop.output()).toBe(1);
    expect(outputs()).toEqual(good);

    // Still broken after a save elsewhere: a one-line reminder, not the same list again.
    const again = cycleFor(ADDRESS);
    edit(ADDRESS, /^description: (.*)$/m, "description: $1 Still broken elsewhere.");
    const r = await again;
    expect(r.ok === false && r.repeated).toBe(true);
    expect(count(loop.output(), line)).toBe(1);
    expect(loop.output()).toMatch(/✗ lint: the same \d+ problems as above/);
    expect(outputs()).toEqual(good);
  });

  it("broken YAML in a referenced file and in the root file: file:line, and the loop keeps running", async () => {
    const address = read(ADDRESS);
    const done = cycleFor(ADDRESS);
    writeFileSync(file(ADDRESS), "type: object\nproperties: {a: [unclosed\n");
    const e = await done;
    expect(e.ok).toBe(false);
    expect(count(loop.output(), `${ADDRESS}:3:1  error  no-unresolved-refs  Failed to parse`), loop.output()).toBe(1);
    writeFileSync(file(ADDRESS), address);

    const rootText = read(ROOT);
    const broken = cycleFor(ROOT);
    writeFileSync(file(ROOT), rootText + "\nbroken: [unclosed\n");
    const b = await broken;
    expect(b.ok).toBe(false);
    expect(loop.output()).toMatch(new RegExp(`${ROOT.replace(/[./]/g, "\\$&")}:\\d+:\\d+  error  yaml  `));
    writeFileSync(file(ROOT), rootText);
    expect(outputs()).toEqual(good);
    expect(loop.child.exitCode).toBe(null);
  });

  it("fixing it regenerates from the latest spec", async () => {
    const done = cycleFor(USER);
    edit(USER, /^type: objekt$/m, "type: object");
    const e = await done;
    expect(e.ok, loop.output()).toBe(true);
    expect(read("packages/types/src/generated/types.gen.ts")).toContain("A user account (edited in watch mode).");
    expect(read("packages/zod/src/generated/zod.gen.ts")).toContain("Still broken elsewhere.");
  });
});
