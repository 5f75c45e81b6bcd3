import ts from "typescript";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Files whose imports are followed: TypeScript and JavaScript modules of every flavour. */
export const CODE = /\.(c|m)?(t|j)sx?$/;

/** What one module imports: local files (resolved), and workspace packages by name. */
export interface Imports {
  files: string[];
  packages: string[];
}

/**
 * The imports of a module (static imports and re-exports, `import("…")` and `require("…")` with a
 * literal), relative ones resolved the way the repo writes them: a `.js` specifier is the `.ts`
 * source beside it (`.mjs` → `.mts`, `.cjs` → `.cts`), a bare path takes an extension or `/index`.
 * Bare specifiers are kept by package name. Type-only imports count only with `types` (for tsc:
 * a loader erases them).
 */
export function importsOf(file: string, types = false): Imports {
  const key = `${+types}${file}`;
  const known = memo.get(key);
  if (known) return known;
  const out: Imports = { files: [], packages: [] };
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, /\.(c|m)?jsx?$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const add = (spec: string) => {
    if (spec.startsWith(".") || spec.startsWith("/")) {
      const found = resolveLocal(resolve(dirname(file), spec), types);
      // A module a test writes before importing it names no file yet: nothing to hash.
      if (found) out.files.push(found);
    } else if (!spec.startsWith("node:")) {
      out.packages.push(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (types || !typeOnly(node.importClause)) add(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (types || !node.isTypeOnly) add(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) add(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && types && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  memo.set(key, out);
  return out;
}

/** Tasks share most of their modules: each is parsed once per mode. */
const memo = new Map<string, Imports>();

/** `import type …`, or `import { type A, type B }`: nothing left once types are erased. */
function typeOnly(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** With `types`, as tsc reads it: a JavaScript module's declarations beside it (`x.d.mts` for `x.mjs`) stand for it. */
function resolveLocal(base: string, types: boolean): string | undefined {
  const swapped = base.replace(/\.(c|m)?js$/, (_, k: string = "") => `.${k}ts`);
  const declared = swapped.replace(/\.(c|m)?ts$/, ".d.$1ts");
  const candidates = [swapped, swapped.replace(/\.ts$/, ".tsx"), ...(types ? [declared] : []), base, ...["ts", "tsx", "js", "mjs"].flatMap((e) => [`${base}.${e}`, `${base}/index.${e}`])];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/**
 * Every local file reachable from `seeds` through imports, with the packages reached, stopping at
 * files `skip` rejects (outside the repo, installed packages); `types` resolves as tsc does.
 */
export function importClosure(seeds: Iterable<string>, skip: (file: string) => boolean, types = false): { files: Map<string, string>; packages: Map<string, string> } {
  // file → the file that imported it first, for messages.
  const files = new Map<string, string>();
  const packages = new Map<string, string>();
  const queue = [...seeds];
  for (const s of queue) files.set(s, "");
  while (queue.length) {
    const file = queue.pop()!;
    if (!CODE.test(file)) continue;
    const found = importsOf(file, types);
    for (const p of found.packages) if (!packages.has(p)) packages.set(p, file);
    for (const f of found.files) {
      if (files.has(f) || skip(f)) continue;
      files.set(f, file);
      queue.push(f);
    }
  }
  return { files, packages };
}
