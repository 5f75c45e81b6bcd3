// The baseline's workspace: a copy of the repo in which `npx -y pnpm@12.4.2 generate` does what it
// does in the real one (turbo: spec lint → bundle → the four packages' generate scripts), without
// touching the real spec. It gets its own node_modules, installed offline from the pnpm store:
// pnpm must never run against the real repo's node_modules from elsewhere.
import { execFile } from "node:child_process";
import { cpSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SKIP = /[\\/](node_modules|dist|\.turbo|\.peers|artifacts)([\\/]|$)/;

export async function turboCopy(repo: string, dest: string): Promise<string> {
  for (const f of ["package.json", "pnpm-workspace.yaml", "turbo.json", "tsconfig.base.json", "pnpm-lock.yaml"]) cpSync(join(repo, f), join(dest, f));
  // Every workspace package's manifest (the lockfile covers them all); sources only where
  // `generate` reads them: the spec, the codegen, the generated packages' previous output.
  const workspaces = ["spec", "test", "bench", ...["tools", "packages"].flatMap((d) => readdirSync(join(repo, d)).map((n) => `${d}/${n}`))];
  for (const w of workspaces) if (existsSync(join(repo, w, "package.json"))) cpSync(join(repo, w, "package.json"), join(dest, w, "package.json"));
  const copy = (from: string) => cpSync(join(repo, from), join(dest, from), { recursive: true, filter: (src) => !SKIP.test(src.slice(join(repo, from).length)) });
  copy("spec");
  for (const f of ["src", "bin", "scripts", "tsconfig.json", "tsconfig.build.json"]) if (existsSync(join(repo, "tools/codegen", f))) copy(`tools/codegen/${f}`);
  for (const p of readdirSync(join(repo, "packages"))) if (existsSync(join(repo, "packages", p, "src/generated"))) copy(`packages/${p}/src/generated`);
  writeFileSync(join(dest, ".npmrc"), "");
  const install = await run("npx", ["-y", "pnpm@12.4.2", "install", "--frozen-lockfile", "--offline"], dest);
  if (install.code !== 0) throw new Error(`installing the baseline's copy failed:\n${install.output}`);
  return dest;
}

/** `npx -y pnpm@12.4.2 generate` in the copy: wall time in ms. */
export function pnpmGenerate(dir: string) {
  return run("npx", ["-y", "pnpm@12.4.2", "generate"], dir);
}

function run(cmd: string, args: string[], cwd: string): Promise<{ ms: number; code: number; output: string }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", NO_COLOR: "1", CI: "1" }, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      resolve({ ms: performance.now() - t0, code: err ? 1 : 0, output: stdout + stderr }),
    );
  });
}
