import type { IRWarning } from "../ir/types.js";

/**
 * Warnings as a person reads them on stderr. A vendor's spec yields hundreds (GitHub's: ~700
 * examples that fail their own schemas), which buried everything else; so the CLI prints a count
 * per kind with the first few pointers, and `--verbose` / `--warnings-file` give all of them.
 */

/** Kinds by the wording of the message; the first rule that matches names it. */
const KINDS: [RegExp, string][] = [
  [/\(ignored: a generated fixture is used instead\)$/, "media-type or parameter example fails its schema (a generated fixture is used)"],
  [/^schema example.*; a generated value is used instead$/, "schema example fails its schema (annotation; a generated value is used)"],
  [/^format .* is unknown/, "unknown format (not validated, as JSON Schema says)"],
  [/^pattern .* compiled as .*needless escapes dropped/, "pattern rewritten to compile with the u flag (needless escapes dropped)"],
  [/^pattern .* is another engine's syntax/, "pattern in another engine's syntax (Java, PCRE…), rewritten to ECMA-262"],
  [/^pattern .* uses ES2025 regex syntax/, "pattern in ES2025 regex syntax (Node 22+ only), rewritten for every engine"],
  [/^pattern .* not a valid ECMA-262 regex/, "pattern that is not a valid regex"],
  [/would be a circular alias/, "circular type alias (typed unknown)"],
  [/^keyword .* is not enforced/, "JSON Schema keyword not enforced"],
  [/is a non-finite number, which JSON cannot carry; ignored \(no bound\)$/, "non-finite bound (YAML .inf/.nan; treated as no bound)"],
  [/(is|holds) a non-finite number, which JSON cannot carry/, "non-finite number in a value (YAML .inf/.nan; dropped)"],
];

/** The kind a warning is counted under: a known wording, else the message with its quoted values and numbers blanked. */
export function warningKind(w: IRWarning): string {
  for (const [re, kind] of KINDS) if (re.test(w.message)) return kind;
  return w.message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d+/g, "N");
}

export interface KindCount {
  kind: string;
  count: number;
  first: IRWarning[];
}

/** Kinds by count (largest first, then by name: deterministic), each with its first `keep` warnings in spec order. */
export function summarizeWarnings(warnings: readonly IRWarning[], keep = 3): KindCount[] {
  const byKind = new Map<string, KindCount>();
  for (const w of warnings) {
    const kind = warningKind(w);
    let k = byKind.get(kind);
    if (!k) byKind.set(kind, (k = { kind, count: 0, first: [] }));
    k.count++;
    if (k.first.length < keep) k.first.push(w);
  }
  return [...byKind.values()].sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** Up to this many warnings are printed one by one; more are summarised. */
export const PRINT_ALL_UP_TO = 10;

/**
 * The stderr lines for `warnings` (each already one line: `line` escapes what a spec could use to
 * forge one). All of them when few or `verbose`; else the count per kind with the first pointers,
 * and `quiet` leaves only the counts.
 */
export function warningLines(warnings: readonly IRWarning[], opts: { verbose: boolean; quiet: boolean; file?: string; line: (text: string) => string }): string[] {
  if (warnings.length === 0) return [];
  const one = (w: IRWarning) => opts.line(`${w.pointer}: ${w.message}`);
  if (opts.verbose || (!opts.quiet && warnings.length <= PRINT_ALL_UP_TO)) return warnings.map((w) => `warning: ${one(w)}`);
  const kinds = summarizeWarnings(warnings);
  const where = opts.file ? `all of them in ${opts.line(opts.file)}` : "--verbose or --warnings-file <file> lists all";
  const out = [`${warnings.length} warnings of ${kinds.length} kind(s) (${where}):`];
  const width = String(kinds[0]!.count).length;
  for (const k of kinds) {
    out.push(`  ${String(k.count).padStart(width)} × ${opts.line(k.kind)}`);
    if (!opts.quiet) for (const w of k.first) out.push(`  ${" ".repeat(width)}   ${one(w)}`);
  }
  return out;
}
