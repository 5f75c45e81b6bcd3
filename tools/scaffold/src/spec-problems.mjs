// What Redocly finds wrong with the user's spec, said in the user's terms: each problem as
// `file:line:col #/pointer message` in the files the user wrote (not the new project's split
// files), without Redocly's code frames or its advice to `--force`, which the scaffold has not.
import { isAbsolute, relative, resolve } from "node:path";

/** At most this many problems are listed; the rest are counted. */
const SHOWN = 20;

/**
 * Problems that make the generated project wrong, not just untidy: an operation that vanishes
 * from the client (duplicate operationId), a schema the generators cannot read (`type: integr`),
 * a $ref to nothing, a path parameter no operation declares. These fail the scaffold; every other
 * rule is style a vendor spec commonly breaks, recorded in the new project's lint ignore file.
 */
export const STRUCTURAL = new Set(["no-unresolved-refs", "operation-operationId-unique", "operation-parameters-unique", "path-parameters-defined", "no-identical-paths"]);

/**
 * Of the schema-of-the-spec errors (`struct`), only a value outside its allowed set (`type: integr`)
 * fails: real vendor specs that generate fine carry unknown keys (`nullable` in 3.1), a 3.0-style
 * boolean `exclusiveMinimum` or a response without description (openai.yaml has 100 such).
 */
/**
 * `path-parameters-defined` also reports a declared parameter the path does not use ("is not
 * used in the path"): harmless to the generated code, so only the undeclared ones fail.
 */
const structural = (p) => STRUCTURAL.has(p.ruleId) && !(p.ruleId === "path-parameters-defined" && /is not used in the path/.test(p.message ?? ""));

const fatalStruct = (p) => (p.ruleId === "struct" || p.ruleId === "spec") && /can be one of the following only/.test(p.message);

/** A path as the user knows it: relative to where they ran the scaffold when it is below it. */
export function shown(file) {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/** `lines` as a list, the first SHOWN of them and how many more. */
export const listed = (lines) => [...lines.slice(0, SHOWN).map((l) => `  ${l}`), ...(lines.length > SHOWN ? [`  … and ${lines.length - SHOWN} more`] : [])].join("\n");

/**
 * The problems in a failed `redocly bundle`'s text output: each `[n] file:line:col at #/pointer`
 * heading with its message line; the code frames (which may show another file) are left out.
 */
export function bundleProblems(output, cwd) {
  const lines = output.split("\n");
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^\[\d+\]\s+(\S+?):(\d+):(\d+)(?:\s+at\s+(\S+))?\s*$/.exec(lines[i]);
    if (!head) continue;
    const message = lines.slice(i + 1).find((l) => l.trim())?.trim() ?? "";
    found.push(`${shown(resolve(cwd, head[1]))}:${head[2]}:${head[3]}${head[4] ? ` ${head[4]}` : ""}: ${message}`);
  }
  if (found.length) return [...new Set(found)];
  // No heading Redocly would write: its last lines, minus the advice that does not apply here.
  return lines.filter((l) => l.trim() && !/--force|Deprecation|Node\.js|nodejs\.org|[╔║╚]/.test(l)).slice(-8);
}

/** The structural errors of `redocly lint --format=json` output, as `file:line:col #/pointer rule: message`. */
export function structuralErrors(json, cwd) {
  let report;
  try {
    report = JSON.parse(json.slice(json.indexOf("{")));
  } catch {
    return [];
  }
  return (report.problems ?? [])
    .filter((p) => p.severity === "error" && (structural(p) || fatalStruct(p)))
    .map((p) => {
      const at = p.location?.[0];
      const where = at ? `${shown(resolve(cwd, at.source?.ref ?? ""))}${at.start ? `:${at.start.line}:${at.start.col}` : ""} ${at.pointer ?? ""}` : "";
      return `${where}: ${p.message} (${p.ruleId})`;
    });
}

/** Problems per rule in Redocly's ignore file ({ file: { rule: [pointers] } }), most first. */
export function ignoredPerRule(ignore) {
  const counts = new Map();
  for (const rules of Object.values(ignore ?? {})) for (const [rule, pointers] of Object.entries(rules ?? {})) counts.set(rule, (counts.get(rule) ?? 0) + (Array.isArray(pointers) ? pointers.length : 1));
  return [...counts].sort((a, b) => b[1] - a[1]);
}
