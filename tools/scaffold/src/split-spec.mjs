// The spec of the new project: bundled into one document (external $refs resolved), converted to
// OpenAPI 3.0 when it is Swagger 2.0 (the generators and Prism work on 3.x), then split into the
// multi-file layout by Redocly's `split` (paths/, components/…). Its lint config starts from
// Redocly's `recommended` ruleset, and the spec's existing problems go into Redocly's ignore file,
// so day one lints clean and every new problem fails.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { redocly } from "./redocly.mjs";
import { bundleProblems, ignoredPerRule, listed, shown, structuralErrors } from "./spec-problems.mjs";

const run = (repo, args, cwd) => redocly(repo, args, cwd);

/**
 * Writes `specDir` (openapi.yaml, paths/, components/, redocly.yaml, .redocly.lint-ignore.yaml)
 * from `specFile`; returns the bundled document's info and what went into the ignore file.
 * @param {string} repo @param {string} specFile @param {string} specDir @param {string} work
 * @param {(message: string) => never} fail @param {(line: string) => void} [log]
 */
export async function splitSpec(repo, specFile, specDir, work, fail, log = () => {}) {
  mkdirSync(specDir, { recursive: true });
  // YAML, so that `split` writes the root as openapi.yaml.
  const bundled = join(work, "openapi.yaml");
  const b = run(repo, ["bundle", specFile, "--output", bundled], work);
  if (b.code !== 0 || !existsSync(bundled)) fail(`cannot read ${shown(specFile)} as an OpenAPI document:\n${listed(bundleProblems(b.output, work))}`);
  // Linted as the user wrote it, so that a problem names their file and line, not a split file.
  writeFileSync(join(work, "recommended.yaml"), "extends:\n  - recommended\n");
  const l = run(repo, ["lint", specFile, "--format=json", "--config", join(work, "recommended.yaml")], dirname(specFile));
  const broken = structuralErrors(l.stdout, dirname(specFile));
  if (broken.length) fail(`${shown(specFile)}: ${broken.length} error${broken.length === 1 ? "" : "s"} the new project cannot be generated right with (fix them in the spec and run the scaffold again):\n${listed(broken)}`);
  const yaml = createRequire(join(repo, "tools", "codegen", "package.json"))("js-yaml");
  let doc = yaml.load(readFileSync(bundled, "utf8"), { schema: yaml.CORE_SCHEMA });
  if (typeof doc.swagger === "string") {
    const convert = createRequire(join(repo, "tools", "codegen", "package.json"))("swagger2openapi");
    // `patch` fixes what it can of 2.0's slack instead of refusing the document.
    try {
      doc = (await convert.convertObj(doc, { patch: true, warnOnly: true, resolve: false })).openapi;
    } catch (err) {
      fail(`the Swagger 2.0 document could not be converted to OpenAPI 3.0: ${err instanceof Error ? err.message : String(err)}`);
    }
    writeFileSync(bundled, yaml.dump(doc, { noRefs: true, lineWidth: -1 }));
  }
  if (typeof doc.openapi !== "string" || !/^3\.[012]\./.test(doc.openapi)) fail(`${specFile}: not an OpenAPI 2.0, 3.0, 3.1 or 3.2 document (openapi: ${JSON.stringify(doc.openapi)})`);
  const s = run(repo, ["split", bundled, "--outDir", specDir], work);
  if (s.code !== 0) fail(`redocly split failed on ${shown(specFile)} (bundled):\n${listed(bundleProblems(s.output, work))}`);
  safeFileNames(specDir);
  writeFileSync(
    join(specDir, "redocly.yaml"),
    [
      "# Redocly's recommended rules. The spec's problems found when the project was created are listed",
      "# in .redocly.lint-ignore.yaml: fix them there one by one; any new problem fails the lint.",
      "extends:",
      "  - recommended",
      "rules:",
      "  no-unsafe-markdown: error",
      "",
    ].join("\n"),
  );
  // Records the remaining (style-level) problems; lint is then clean (or names what cannot be ignored).
  run(repo, ["lint", "openapi.yaml", "--config", "redocly.yaml", "--generate-ignore-file"], specDir);
  const ignoreFile = join(specDir, ".redocly.lint-ignore.yaml");
  const ignored = existsSync(ignoreFile) ? ignoredPerRule(yaml.load(readFileSync(ignoreFile, "utf8"))) : [];
  if (ignored.length) {
    const total = ignored.reduce((n, [, c]) => n + c, 0);
    log(`note: ${total} lint problem${total === 1 ? "" : "s"} of the spec recorded in spec/.redocly.lint-ignore.yaml, to fix one by one: ${ignored.map(([rule, n]) => `${rule} ${n}`).join(", ")}`);
  }
  const lint = run(repo, ["lint", "openapi.yaml", "--config", "redocly.yaml"], specDir);
  return { info: doc.info ?? {}, lint, ignored };
}

/**
 * Redocly's `split` names a file after its path or component as is, so `/cookies#form` (ReadMe's
 * examples write a fragment to tell operations on one path apart) becomes `paths/cookies#form.yaml`
 * and its `$ref` points at file `paths/cookies` with a fragment. Characters that end or escape a
 * URI path (`#`, `?`, `%`, spaces) become `_` in file names, and the refs follow.
 */
function safeFileNames(specDir) {
  const renamed = new Map();
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(entry.name)) files.push(p);
    }
  };
  walk(specDir);
  for (const [i, file] of files.entries()) {
    const name = file.slice(file.lastIndexOf("/") + 1);
    if (!/[#?%\s]/.test(name)) continue;
    const dir = file.slice(0, file.lastIndexOf("/"));
    let next = name.replace(/[#?%\s]/g, "_");
    for (let n = 2; existsSync(join(dir, next)); n++) next = name.replace(/[#?%\s]/g, "_").replace(/(\.[a-z]+)$/, `_${n}$1`);
    renameSync(file, join(dir, next));
    files[i] = join(dir, next);
    renamed.set(name, next);
  }
  if (!renamed.size) return;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const next = text
      .split("\n")
      .map((line) => (line.includes("$ref") ? [...renamed].reduce((l, [from, to]) => l.replace(new RegExp(`(^|[\\s'"/])${escapeRegExp(from)}(?=['"\\s]|$)`, "g"), (_m, pre) => pre + to), line) : line))
      .join("\n");
    if (next !== text) writeFileSync(file, next);
  }
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
