import type { ConformanceReport } from "./run.js";
import type { Violation } from "./violations.js";

const pad = (s: string, n: number) => s.padEnd(n);

/** One line per violation: operation, method and path, status, where (part + JSON pointer), code, message. */
export function formatViolation(v: Violation): string {
  const where = `${v.in}${v.pointer ? ` ${v.pointer}` : ""}`;
  return `${v.operation} ${v.method} ${v.path} ${v.status ?? "-"} ${where} [${v.severity}${v.code !== null ? ` ${v.code}` : ""}] ${v.message}`;
}

export function formatReport(report: ConformanceReport): string {
  const lines = [`Contract conformance of ${report.target} against ${report.spec} (prism proxy --errors)`, ""];
  const idWidth = Math.max(...report.operations.map((o) => o.operation.length), 9);
  const pathWidth = Math.max(...report.operations.map((o) => o.path.length), 4);
  for (const o of report.operations) {
    const mark = o.skipped ? "skip" : o.violations ? "FAIL" : "ok  ";
    const note = (o.skipped ? `  ${o.skipped}` : o.violations ? `  ${o.violations} violation${o.violations === 1 ? "" : "s"}` : "") + (o.unchecked ? `  (${o.unchecked})` : "");
    lines.push(`  ${mark} ${pad(o.operation, idWidth)} ${pad(o.method, 6)} ${pad(o.path, pathWidth)} ${o.status ?? "-"}${note}`);
  }
  lines.push("");
  const n = report.violations.length;
  const skipped = report.operations.filter((o) => o.skipped).length;
  if (skipped) lines.push(`${skipped} operation(s) not called (skip), see above.`);
  if (n === 0) {
    lines.push(`No violations in ${report.operations.length} operation(s).`);
    return lines.join("\n");
  }
  lines.push(`${n} violation${n === 1 ? "" : "s"} in ${report.operations.length} operation(s):`);
  for (const v of report.violations) lines.push(`  ${formatViolation(v)}`);
  return lines.join("\n");
}
