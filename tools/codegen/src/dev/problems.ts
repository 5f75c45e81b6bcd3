import { relative } from "node:path";
import { SpecError } from "../load/spec-error.js";
import type { LintProblem } from "./redocly-engine.mjs";
import { terminalText } from "../terminal-text.mjs";

/**
 * `file:line:col  severity  rule  message`, one problem per line (continuation lines indented);
 * messages quote the spec, so control characters are shown as escapes.
 */
export function formatProblem(p: LintProblem): string {
  const where = p.file ? terminalText(`${p.file}:${p.line}:${p.col}`, true) : "(spec)";
  const message = terminalText(p.message).replace(/\n/g, "\n      ");
  return `  ${where}  ${p.severity}  ${p.ruleId}  ${message}`;
}

/** Identical problems (Redocly reports a broken file once per $ref to it) are shown once. */
export function uniqueProblems(problems: LintProblem[]): LintProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.col}\0${p.ruleId}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * An error thrown instead of reported: Redocly throws on a root file that is not valid YAML
 * (`… in "/abs/openapi.yaml" (12:3)`), the codegen throws SpecError (file, pointer, line).
 */
export function problemFromError(err: unknown, root: string, ruleId: string): LintProblem {
  if (err instanceof SpecError) {
    return {
      file: relative(root, err.file) || err.file,
      line: err.line ?? 1,
      col: 1,
      severity: "error",
      ruleId,
      message: err.pointer ? `at ${err.pointer}: ${err.problem}` : err.problem,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  const at = /in "([^"]+)" \((\d+):(\d+)\)/.exec(message);
  return {
    file: at ? relative(root, at[1]!) || at[1]! : "",
    line: at ? Number(at[2]) : 1,
    col: at ? Number(at[3]) : 1,
    severity: "error",
    ruleId,
    message: at ? message.replace(at[0], "").trim() || message : message,
  };
}
