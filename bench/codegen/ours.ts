/**
 * How the bench runs OUR codegen. At the start of a bench run tools/codegen/src and the mock engine it
 * imports by path (packages/runtime/src/mocks) are snapshotted into bench/.peers/ours-src/, in the
 * repository's layout (other people edit the codegen while a long bench runs: every number of
 * one run must come from one version of it; the commit and dirty state are reported), then:
 *  - "tsx": `tsx <snapshot>/src/cli.ts …`, exactly what `pnpm codegen` runs (tsx start-up and
 *    on-the-fly TypeScript transpilation included: that is the user's experience);
 *  - "js":  the same sources transpiled to plain JS (TypeScript `transpileModule`, no bundling) into
 *    bench/.peers/ours-js/, run with plain `node` — what a published build would cost.
 * Plus a timed run of `generate()` (timed-generate.ts) for the per-phase `timings` object.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

const require = createRequire(import.meta.url);

export const REPO = join(import.meta.dirname, "..", "..");
export const CODEGEN = join(REPO, "tools", "codegen");
export const TSX = join(REPO, "node_modules", ".bin", "tsx");

export type OursTargets = "types" | "zod" | "client" | "mocks" | "zod,client,mocks" | "types,zod,client,mocks";

/** The codegen package inside a snapshot (which keeps the repository's layout). */
const pkg = (dir: string) => join(dir, "tools", "codegen");
const ENGINE = join("packages", "runtime", "src", "mocks");

export function oursCommand(mode: "tsx" | "js", dir: string, spec: string, out: string, targets: OursTargets): { cmd: string; args: string[] } {
  const args = ["--spec", spec, "--out", out, "--targets", targets, "--quiet", "--invalid-examples", "warn"];
  // The client and the mocks import the types: without that target the CLI asks where they come from.
  if (/client|mocks/.test(targets) && !targets.includes("types")) args.push("--types-import", "./types.gen.js");
  return mode === "tsx"
    ? { cmd: TSX, args: [join(pkg(dir), "src", "cli.ts"), ...args] }
    : { cmd: process.execPath, args: [join(pkg(dir), "src", "cli.js"), ...args] };
}

export function timedCommand(srcDir: string, spec: string, out: string, targets: OursTargets, jsonOut: string): { cmd: string; args: string[] } {
  return { cmd: TSX, args: [join(import.meta.dirname, "timed-generate.ts"), spec, out, targets, jsonOut, join(pkg(srcDir), "src", "generate.ts")] };
}

export interface Snapshot {
  commit: string;
  /** Files of tools/codegen/src with uncommitted changes at snapshot time. */
  dirty: string[];
  files: number;
}

/** Copies tools/codegen/src into `dir` (with its node_modules linked) and records the commit. */
export function snapshotOurs(dir: string): Snapshot {
  rmSync(dir, { recursive: true, force: true });
  let files = 0;
  const walk = (from: string, to: string) => {
    mkdirSync(to, { recursive: true });
    for (const e of readdirSync(from, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(from, e.name), join(to, e.name));
      else if (e.isFile()) {
        copyFileSync(join(from, e.name), join(to, e.name));
        files++;
      }
    }
  };
  walk(join(CODEGEN, "src"), join(pkg(dir), "src"));
  walk(join(REPO, ENGINE), join(dir, ENGINE));
  linkModules(pkg(dir));
  const git = (args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: REPO, encoding: "utf8" }).trim();
    } catch {
      return "";
    }
  };
  return {
    commit: git(["rev-parse", "--short", "HEAD"]) || "?",
    dirty: git(["status", "--porcelain", "--", "tools/codegen/src", ENGINE]).split("\n").filter(Boolean).map((l) => l.slice(3)),
    files,
  };
}

function linkModules(dir: string): void {
  // Resolve openapi-typescript, yaml, swagger2openapi … from the codegen package's own node_modules.
  if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(CODEGEN, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }) + "\n");
}

/** Transpiles the snapshot to JS in `jsDir`, in the same layout (the codegen imports the engine by path). */
export function buildOursJs(snapshotDir: string, jsDir: string): { files: number; seconds: number } {
  const started = performance.now();
  const ts = require("typescript") as typeof import("typescript");
  rmSync(jsDir, { recursive: true, force: true });
  let files = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const from = join(dir, entry.name);
      const to = join(jsDir, relative(snapshotDir, from));
      if (entry.isDirectory()) {
        walk(from);
        continue;
      }
      mkdirSync(dirname(to), { recursive: true });
      if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
        const out = ts.transpileModule(readFileSync(from, "utf8"), {
          fileName: from,
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, sourceMap: false },
        });
        writeFileSync(to.replace(/\.ts$/, ".js"), out.outputText);
        files++;
      } else copyFileSync(from, to);
    }
  };
  walk(join(pkg(snapshotDir), "src"));
  walk(join(snapshotDir, ENGINE));
  linkModules(pkg(jsDir));
  return { files, seconds: (performance.now() - started) / 1000 };
}

/** Output files of each of our targets, to type-check them inside the all-targets output. */
export function oursTscInclude(task: string): string[] {
  switch (task) {
    case "types":
      return ["types.gen.ts"];
    case "zod":
      return ["zod.gen.ts"];
    case "client":
      return ["client.gen.ts"];
    case "mocks":
      return ["mocks.gen.ts", "mock-schemas.gen.ts", "msw.gen.ts"];
    case "zod,client,mocks":
      return ["zod.gen.ts", "client.gen.ts", "mocks.gen.ts", "mock-schemas.gen.ts", "msw.gen.ts"];
    default:
      return ["**/*.ts"];
  }
}

/** `@specforge/runtime/client` and `/mocks`, imported by our client and mocks: their built declarations when present. */
export function runtimePaths(): Record<string, string[]> {
  const pick = (dts: string, src: string) => [existsSync(join(REPO, "packages", "runtime", dts)) ? join(REPO, "packages", "runtime", dts) : join(REPO, "packages", "runtime", src)];
  return {
    "@specforge/runtime/client": pick("dist/client/api-core.d.ts", "src/client/api-core.ts"),
    "@specforge/runtime/mocks": pick("dist/mocks/index.d.ts", "src/mocks/index.ts"),
  };
}
