/**
 * The output folder holds only what the generator wrote: a later run must not delete a user's
 * own files dropped there, nor the spec (or a file it $refs) when it lives inside the folder.
 */
import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codegen } from "../support/run-cli.js";
import { scratchFolders } from "../scratch.js";
import { LEGACY_OWN_FILES, OUTPUT_MARKER, readMarker } from "../../src/cli/output-folder.js";

const scratch = scratchFolders();
const fixtureDir = new URL("../fixtures/multi-file/", import.meta.url).pathname;
const fixture = join(fixtureDir, "openapi.yaml");

const tree = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe("the output folder's own files", () => {
  it("records what it wrote in the marker", async () => {
    const out = join(scratch("cg-own-"), "out");
    const res = await codegen([fixture, "-o", out, "--quiet"]);
    expect(res.code, res.stderr).toBe(0);
    const listed = readMarker(out)!;
    expect(listed.sort()).toEqual(tree(out).filter((f) => f !== OUTPUT_MARKER));
    // A folder marked by an older generator (no list) owns exactly what the generator writes.
    for (const f of listed) expect(LEGACY_OWN_FILES).toContain(f);
  });

  it("reads a marker a Windows checkout gave CRLF line ends (core.autocrlf) as the same list", async () => {
    const out = join(scratch("cg-own-"), "out");
    expect((await codegen([fixture, "-o", out, "--targets", "types", "--quiet"])).code).toBe(0);
    const marker = join(out, OUTPUT_MARKER);
    const listed = readMarker(out)!;
    writeFileSync(marker, readFileSync(marker, "utf8").replace(/\n/g, "\r\n"));
    expect(readMarker(out)).toEqual(listed);
    expect((await codegen([fixture, "-o", out, "--targets", "types", "--quiet"])).code).toBe(0);
  });

  it("refuses to replace a marked folder holding a user's files, and leaves it as it was", async () => {
    const out = join(scratch("cg-own-"), "out");
    expect((await codegen([fixture, "-o", out, "--targets", "types", "--quiet"])).code).toBe(0);
    writeFileSync(join(out, "custom.ts"), "// mine\n");
    mkdirSync(join(out, "sub"));
    writeFileSync(join(out, "sub", "keep.txt"), "keep\n");
    const before = tree(out);
    const res = await codegen([fixture, "-o", out, "--targets", "types,zod", "--quiet"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/--out .*out holds files the generator did not write \(custom\.ts, sub\/keep\.txt\)/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(tree(out)).toEqual(before);
    expect(readFileSync(join(out, "sub", "keep.txt"), "utf8")).toBe("keep\n");
    expect(readdirSync(join(out, ".."))).toEqual(["out"]);
  });

  it("an old marker without a list owns only the files the generator writes", async () => {
    const out = join(scratch("cg-own-"), "out");
    expect((await codegen([fixture, "-o", out, "--targets", "types", "--quiet"])).code).toBe(0);
    writeFileSync(join(out, OUTPUT_MARKER), "This folder is written by @specforge/codegen (--out): each run replaces it as a whole.\nWithout this file the generator refuses to empty the folder (unless --clean is given).\n");
    const again = await codegen([fixture, "-o", out, "--targets", "zod", "--quiet"]);
    expect(again.code, again.stderr).toBe(0);
    writeFileSync(join(out, "custom.ts"), "// mine\n");
    writeFileSync(join(out, OUTPUT_MARKER), "This folder is written by @specforge/codegen (--out): each run replaces it as a whole.\n");
    const refused = await codegen([fixture, "-o", out, "--targets", "zod", "--quiet"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds files the generator did not write \(custom\.ts\)/);
    expect(existsSync(join(out, "custom.ts"))).toBe(true);
  });

  it("never replaces a folder that holds the spec or a file it $refs, even with --clean", async () => {
    const root = scratch("cg-own-");
    const out = join(root, "out");
    cpSync(fixtureDir, out, { recursive: true });
    const before = tree(out);
    for (const extra of [[], ["--clean"]]) {
      const res = await codegen(["--spec", join(out, "openapi.yaml"), "--out", out, "--quiet", ...extra]);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/--out .*out holds the spec .*openapi\.yaml; replacing the folder would delete it, so pick another output folder/);
      expect(tree(out)).toEqual(before);
    }
    // The output folder is an ancestor of the spec's.
    const above = await codegen(["--spec", join(out, "openapi.yaml"), "--out", root, "--clean", "--quiet"]);
    expect(above.code).toBe(1);
    expect(tree(out)).toEqual(before);
    // A file the spec $refs lives in the output folder (the spec itself does not).
    const spec = join(root, "api.yaml");
    writeFileSync(spec, readFileSync(join(out, "openapi.yaml"), "utf8").replaceAll("./paths/", "./out/paths/").replaceAll("./schemas/", "./out/schemas/"));
    const ref = await codegen(["--spec", spec, "--out", join(out, "paths"), "--clean", "--quiet"]);
    expect(ref.code).toBe(1);
    expect(ref.stderr).toMatch(/holds .*pets\.yaml, which the spec \$refs/);
    expect(tree(out)).toEqual(before);
    expect(readdirSync(join(out, ".."))).toEqual(["api.yaml", "out"]);
  });
});
