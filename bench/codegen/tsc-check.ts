/**
 * `tsc --noEmit --strict --skipLibCheck` over one generator's output: wall time, peak memory and
 * error count. TypeScript is the workspace's (5.9.3). Module resolution is "Bundler" with
 * `allowImportingTsExtensions`, so every peer's import style is accepted (hey-api writes
 * extension-less imports, Kubb writes `./x.ts`, we write `./x.js`); no @types are loaded (DOM lib).
 * Packages the outputs import (zod, msw, @faker-js/faker, …) resolve from the peers' install folder,
 * in which the outputs are written.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { measure, type Measurement } from "./measure.js";

const require = createRequire(import.meta.url);
export const TSC = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
export const TSC_VERSION: string = JSON.parse(readFileSync(require.resolve("typescript/package.json"), "utf8")).version;

export interface TscResult {
  m: Measurement;
  /** Number of `error TSxxxx` diagnostics; null when tsc itself failed (crash, timeout, OOM). */
  errors: number | null;
  firstErrors: string[];
}

export interface TscCheckOptions {
  /** Folder the tsconfig is written to (include paths are relative to it). */
  configDir: string;
  name: string;
  /** Globs or files, relative to configDir. */
  include: string[];
  /** Extra compilerOptions.paths (module → absolute file). */
  paths?: Record<string, string[]>;
  timeoutMs: number;
  logFile: string;
}

export async function tscCheck(o: TscCheckOptions): Promise<TscResult> {
  const config = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      allowImportingTsExtensions: true,
      resolveJsonModule: true,
      lib: ["ES2023", "DOM", "DOM.Iterable"],
      types: [],
      ...(o.paths ? { paths: o.paths } : {}),
    },
    include: o.include,
  };
  const file = join(o.configDir, `tsconfig.${o.name}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  const m = await measure(process.execPath, [TSC, "-p", file, "--pretty", "false"], { cwd: o.configDir, timeoutMs: o.timeoutMs, logFile: o.logFile });
  let log = "";
  try {
    log = readFileSync(o.logFile, "utf8");
  } catch {
    /* no log */
  }
  const errorLines = log.split("\n").filter((l) => /error TS\d+:/.test(l));
  // tsc exits 2 when it reports diagnostics: that is a result, not a failure of the check.
  const crashed = m.timedOut || m.oom || (m.code !== 0 && m.code !== 1 && m.code !== 2) || (m.code !== 0 && errorLines.length === 0);
  if (!crashed) m.ok = true;
  return {
    m,
    errors: crashed ? null : errorLines.length,
    firstErrors: errorLines.slice(0, 3).map((l) => l.slice(0, 240)),
  };
}
