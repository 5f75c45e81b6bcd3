/**
 * A consumer project in a scratch folder, as a user of the generated code has it: zod,
 * openapi-fetch, msw and @specforge/runtime (package.json and the declarations its build emits,
 * so no build of the repo is needed or touched) resolvable from `out/`, and one strict `tsc` over
 * everything generated there.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { TSC7 } from "../../../scripts/typescript.mjs";

const run = promisify(execFile);
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// TypeScript 7, what `npm install typescript` gives a user today (tools/scripts/typescript.mjs).
export const TSC = TSC7;

/** What the generated modules import, linked from the packages that depend on them. */
const MODULES: Record<string, string> = {
  zod: here("../../node_modules/zod"),
  "openapi-fetch": here("../../node_modules/openapi-fetch"),
  msw: here("../../../../packages/mocks/node_modules/msw"),
};
const RUNTIME = here("../../../../packages/runtime/");

/** The strictest common flags: what the generated code promises to compile under. */
export const STRICT = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  module: "NodeNext",
  moduleResolution: "NodeNext",
  target: "ES2022",
  lib: ["ES2023", "DOM", "DOM.Iterable"],
  types: [],
  noEmit: true,
  skipLibCheck: true,
};

/**
 * Sets up `root` as the consumer project; resolves once @specforge/runtime's declarations are
 * written. With `runnable`, its JavaScript too: the project then runs on Node, not only type-checks.
 */
export async function makeConsumer(root: string, { runnable = false } = {}): Promise<void> {
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
  for (const [name, target] of Object.entries(MODULES)) {
    mkdirSync(dirname(join(root, "node_modules", name)), { recursive: true });
    symlinkSync(target, join(root, "node_modules", name), "dir");
  }
  const dir = join(root, "node_modules", "@specforge/runtime");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), readFileSync(join(RUNTIME, "package.json")));
  await run(process.execPath, [TSC, "-p", join(RUNTIME, "tsconfig.build.json"), "--outDir", join(dir, "dist"), ...(runnable ? ["--sourceMap", "false"] : ["--emitDeclarationOnly"]), "--declarationMap", "false"], { encoding: "utf8" }).catch(
    // tsc prints its diagnostics on stdout, which execFile's error message leaves out.
    (e: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`@specforge/runtime's ${runnable ? "JavaScript and declarations" : "declarations"} did not build (the consumer needs them):\n${(e.stdout || e.stderr || e.message).trim()}`);
    },
  );
}

/** `tsc` (STRICT plus `extra`) over `include` in `root`: its error output, "" when clean. */
export async function typeCheck(root: string, include: string[], extra: Record<string, unknown> = {}, nodeArgs: string[] = []): Promise<string> {
  writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...STRICT, ...extra }, include }));
  return run(process.execPath, [...nodeArgs, TSC, "-p", join(root, "tsconfig.json")], { encoding: "utf8", maxBuffer: 64 << 20 }).then(
    () => "",
    (e: { stdout: string; stderr: string }) => e.stdout || e.stderr,
  );
}
