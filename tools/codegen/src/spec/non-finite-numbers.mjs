// YAML numbers JSON cannot carry (`.inf`, `-.inf`, `.nan`, and `1e999`, which parses as Infinity),
// found before a bundle is written: Redocly's JSON bundle prints each one as `null`, so an
// `enum: [1, .inf]` became `enum: [1, null]` in dist/openapi.json, and every generator then
// accepted null. The codegen loader drops them with a warning (load/non-finite.ts); a bundle is
// the contract consumers download, so there the spec is refused, naming the source file, the line
// and the JSON pointer of each one.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isMap, isPair, isScalar, isSeq, LineCounter, parse, parseDocument } from "yaml";

const escape = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

/** JSON pointers of the non-finite numbers in a parsed value (a bundle's document). */
export function nonFinitePointers(value) {
  const found = [];
  const seen = new Set();
  const walk = (node, at) => {
    if (typeof node === "number") {
      if (!Number.isFinite(node)) found.push(at || "/");
      return;
    }
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${at}/${i}`));
    else for (const k of Object.keys(node)) walk(node[k], `${at}/${escape(k)}`);
  };
  walk(value, "");
  return found;
}

/**
 * A cheap test first: nearly every spec has no candidate at all. A number overflows to Infinity
 * through its exponent (`1e999`) or its length alone (309 digits, or 256 hex or octal ones). Each
 * must start a token, so a hex digest in an example (`…a8e108…`) is no candidate.
 */
const CANDIDATE = /(?<![\w.])[-+]?(?:\.(?:inf|nan)\b|(?:\d+\.?\d*|\.\d+)e[+-]?\d{3}|0x[\da-f]{256}|0o[0-7]{256}|\d{309})/i;

/** Whether a spec text may hold a non-finite number; false means it surely holds none. */
export const mayHoldNonFinite = (text) => CANDIDATE.test(text);

/** The pointers of {@link nonFinitePointers} in a YAML text (a bundle Redocly wrote); [] when it has none or does not parse. */
export function nonFiniteInYaml(text) {
  if (!mayHoldNonFinite(text)) return [];
  try {
    return nonFinitePointers(parse(text, { maxAliasCount: -1, uniqueKeys: false }));
  } catch {
    return [];
  }
}

/**
 * Each non-finite number in the spec's own files (YAML or JSON under `dir`, outside dist/ and
 * node_modules/): `{ file, line, col, pointer, text }`, file relative to `cwd`.
 */
export function nonFiniteInSources(dir, cwd = dir) {
  const out = [];
  for (const file of specFiles(dir)) {
    const text = readFileSync(file, "utf8");
    if (!mayHoldNonFinite(text)) continue;
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, strict: false });
    const walk = (node, at) => {
      if (isScalar(node)) {
        if (typeof node.value === "number" && !Number.isFinite(node.value) && node.range) {
          const { line, col } = lines.linePos(node.range[0]);
          out.push({ file: relative(cwd, file) || file, line, col, pointer: at || "/", text: text.slice(node.range[0], node.range[1]).trim() });
        }
      } else if (isMap(node)) {
        for (const pair of node.items) if (isPair(pair)) walk(pair.value, `${at}/${escape(isScalar(pair.key) ? pair.key.value : pair.key)}`);
      } else if (isSeq(node)) node.items.forEach((x, i) => walk(x, `${at}/${i}`));
    };
    walk(doc.contents, "");
  }
  return out;
}

function specFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name === "dist") continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...specFiles(p));
    else if (/\.(ya?ml|json)$/i.test(entry.name) && entry.name !== "package.json") files.push(p);
  }
  return files;
}

/**
 * Each non-finite number of a bundle (`bundlePointers`) where the user can fix it: at its file, line
 * and column when one of the spec's own files under `dir` holds it, else at the bundle's pointer in
 * `bundleFile` (a number that only a `$ref` outside `dir` brings in). `specforge-spec bundle` prints
 * these, the dev loop reports them as lint errors.
 */
export function nonFiniteFindings(bundlePointers, dir, cwd, bundleFile) {
  const sources = nonFiniteInSources(dir, cwd);
  if (sources.length) return sources.map((s) => ({ file: s.file, line: s.line, col: s.col, pointer: s.pointer, message: `${JSON.stringify(s.text)} ${NON_FINITE_WHY}` }));
  return bundlePointers.map((pointer) => ({ file: bundleFile, pointer, message: `the number at #${pointer} of the bundle ${NON_FINITE_WHY}` }));
}

/** A finding as one line: `file:line:col #pointer: message` (no line and column for a bundle's pointer). */
export const formatNonFinite = (f) => `${f.file}${f.line ? `:${f.line}:${f.col}` : ""} #${f.pointer}: ${f.message}`;

export const NON_FINITE_WHY = "is a non-finite number, which JSON cannot carry (the JSON bundle would hold null); use a finite number or remove it";
