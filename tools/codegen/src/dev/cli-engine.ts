import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { DevPaths } from "./paths.js";
import type { SpecEngine, SpecBundle } from "./spec-engine.js";
import { nonFiniteInYaml } from "../spec/non-finite-numbers.mjs";
import { nonFiniteProblems, type LintProblem } from "./redocly-engine.mjs";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The slow path: `redocly lint --format json` and `redocly bundle` as child processes, for a CLI
 * version whose engine cannot be loaded in-process. Same results, about 0.6 s more per run.
 */
export function createCliEngine(paths: DevPaths, cliDir: string, kind: string): SpecEngine {
  const bin = join(cliDir, "bin", "cli.js");
  const run = (args: string[]) =>
    new Promise<Run>((done) => {
      execFile(
        process.execPath,
        [bin, ...args],
        { cwd: paths.specDir, env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1", FORCE_COLOR: "0" }, maxBuffer: 256 * 1024 * 1024 },
        (err, stdout, stderr) => done({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
      );
    });
  const rel = (file: string) => relative(paths.root, resolve(paths.specDir, file)) || file;
  const failure = (r: Run, ruleId: string): LintProblem => ({
    file: rel(paths.entry),
    line: 1,
    col: 1,
    severity: "error",
    ruleId,
    message: lastLines(r.stderr + r.stdout),
  });
  return {
    kind,
    async lint() {
      const r = await run(["lint", paths.entry, "--config", paths.configFile, "--format", "json"]);
      let report: { problems: { ruleId: string; severity: "error" | "warn"; message: string; location: { source: { ref: string }; pointer?: string; start?: { line: number; col: number } }[] }[] };
      try {
        report = JSON.parse(r.stdout.slice(r.stdout.indexOf("{")));
      } catch {
        return r.code === 0 ? [] : [failure(r, "lint")];
      }
      return report.problems.map((p) => {
        const loc = p.location[0];
        return {
          file: loc ? rel(loc.source.ref) : "",
          line: loc?.start?.line ?? 1,
          col: loc?.start?.col ?? 1,
          severity: p.severity,
          ruleId: p.ruleId,
          message: p.message,
          ...(loc?.pointer ? { pointer: loc.pointer } : {}),
        };
      });
    },
    async bundle(): Promise<SpecBundle> {
      const dir = mkdtempSync(join(tmpdir(), "specforge-dev-bundle-"));
      try {
        const out = (ext: string) => join(dir, `openapi.${ext}`);
        const runs = await Promise.all(["yaml", "json"].map((ext) => run(["bundle", paths.entry, "--config", paths.configFile, "--output", out(ext)])));
        const bad = runs.find((r) => r.code !== 0);
        if (bad) return { problems: [failure(bad, "bundler")] };
        const yaml = readFileSync(out("yaml"), "utf8");
        const nonFinite = nonFiniteInYaml(yaml);
        if (nonFinite.length) return { problems: nonFiniteProblems(nonFinite, paths.entry, paths.root) };
        return { yaml, json: readFileSync(out("json"), "utf8"), problems: [] };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    // Every run reads the config afresh.
    reloadConfig: async () => {},
    close: async () => {},
  };
}

function lastLines(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() && !/[║╔╚]/.test(l));
  return lines.slice(-6).join("\n") || "redocly failed without a message";
}
