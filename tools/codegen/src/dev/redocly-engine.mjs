// Redocly's own lint and bundle engine, loaded once and kept in memory by the dev loop.
//
// Why not @redocly/openapi-core: Redocly CLI 2.x ships as one bundle with its engine inside
// (openapi-core 2.77.0, a version that is not published on npm), and the only openapi-core in the
// lockfile is 1.34 (openapi-typescript's), whose rules and bundle output differ. So the functions
// are taken from the CLI's own chunks. The chunk files and export names are minified, hence a
// table per CLI version; for any other version `loadRedoclyEngine` throws EngineUnavailable and
// the dev loop falls back to running the CLI (slower, same results). Tests compare both paths.
//
// Plain JavaScript: it also runs in a worker thread (lint-worker.mjs) where tsx is not loaded.
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { mayHoldNonFinite, nonFiniteFindings, nonFinitePointers } from "../spec/non-finite-numbers.mjs";

const KNOWN = {
  "2.77.0": {
    core: "lib/chunks/KSRBMNUH.js",
    util: "lib/chunks/VJ5QDYXZ.js",
    // core: loadConfig, lint, bundle, getLineColLocation, BaseResolver; util: the CLI's dumpBundle, sortTopLevelKeysForOas
    names: { loadConfig: "ya", lint: "Ea", bundle: "xa", lineCol: "Aa", Resolver: "X", dump: "j", sortTopLevel: "s" },
  },
};

export class EngineUnavailable extends Error {
  name = "EngineUnavailable";
}

/** Directory of the @redocly/cli package the spec workspace uses. */
export function redoclyCliDir(repoRoot) {
  const req = createRequire(join(repoRoot, "spec", "package.json"));
  return dirname(req.resolve("@redocly/cli/package.json"));
}

/**
 * Loads the engine of the installed Redocly CLI.
 * @param {{ cliDir: string }} options
 */
export async function loadRedoclyEngine({ cliDir }) {
  const version = JSON.parse(readFileSync(join(cliDir, "package.json"), "utf8")).version;
  const known = KNOWN[version];
  if (!known) throw new EngineUnavailable(`no in-process table for @redocly/cli ${version} (known: ${Object.keys(KNOWN).join(", ")})`);
  let core, util;
  try {
    core = await import(pathToFileURL(join(cliDir, known.core)).href);
    util = await import(pathToFileURL(join(cliDir, known.util)).href);
  } catch (err) {
    throw new EngineUnavailable(`cannot load @redocly/cli ${version} internals: ${err.message}`, { cause: err });
  }
  const n = known.names;
  const fns = {
    loadConfig: core[n.loadConfig],
    lint: core[n.lint],
    bundle: core[n.bundle],
    lineCol: core[n.lineCol],
    Resolver: core[n.Resolver],
    dump: util[n.dump],
    sortTopLevel: util[n.sortTopLevel],
  };
  for (const [key, fn] of Object.entries(fns)) {
    if (typeof fn !== "function") throw new EngineUnavailable(`@redocly/cli ${version}: ${key} not found in its chunks`);
  }
  return { version, ...fns };
}

/**
 * The config as `redocly <command> --config <file>` loads it (ignore file included), for the
 * root API (no alias), as lint and bundle use it.
 */
export async function loadSpecConfig(engine, configFile) {
  const config = await engine.loadConfig({ configPath: configFile });
  return config.forAlias(undefined);
}

/**
 * @typedef {{ file: string, line: number, col: number, severity: "error" | "warn", ruleId: string, message: string, pointer?: string }} LintProblem
 */

/** Problems as plain data (they cross threads): where, which rule, what. Ignored ones are dropped. */
export function toLintProblems(engine, problems, cwd) {
  const out = [];
  for (const p of problems) {
    if (p.ignored) continue;
    const loc = p.location?.[0];
    let line = 1;
    let col = 1;
    let file = "";
    if (loc) {
      file = loc.source?.absoluteRef ?? "";
      try {
        ({ line, col } = engine.lineCol(loc).start);
      } catch {
        // A source that cannot be parsed has no AST to map the pointer on: keep line 1.
      }
    }
    out.push({
      file: file && !/^[a-z]+:\/\//i.test(file) ? relative(cwd, file) || file : file,
      line,
      col,
      severity: p.severity,
      ruleId: p.ruleId,
      message: p.message,
      ...(loc?.pointer ? { pointer: loc.pointer } : {}),
    });
  }
  return out;
}

/**
 * Parsed spec files kept between runs, so a run re-reads only the files whose inode, size or
 * mtime changed (the spec has ~200 files: parsing them all is ~60 ms of each lint and bundle).
 * Each run gets private copies, since the bundler rewrites the documents it walks.
 */
export function createParseCache(engine) {
  const entries = new Map(); // absolute path → { stamp, source, parsed } as first parsed
  return {
    /** A resolver for one run, holding copies of every cached file still unchanged on disk. */
    resolver(config) {
      const stamps = new Map();
      const resolver = new (class extends engine.Resolver {
        async loadExternalRef(ref) {
          stamps.set(ref, stampOf(ref)); // before reading: a later change is seen next run
          return super.loadExternalRef(ref);
        }
        parseDocument(source, isRoot) {
          const doc = super.parseDocument(source, isRoot);
          const stamp = stamps.get(source.absoluteRef);
          if (stamp) entries.set(source.absoluteRef, { stamp, source: doc.source, parsed: structuredClone(doc.parsed) });
          return doc;
        }
      })(config.resolve);
      for (const [ref, e] of entries) {
        if (e.stamp !== stampOf(ref)) entries.delete(ref);
        else resolver.cache.set(ref, Promise.resolve({ source: e.source, parsed: structuredClone(e.parsed) }));
      }
      return resolver;
    },
  };
}

function stampOf(path) {
  if (!isAbsolute(path)) return undefined; // URLs are not cached
  try {
    const st = statSync(path);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** `redocly lint <entry> --config <file>`. */
export async function lintSpec(engine, config, entry, cwd, cache) {
  const problems = await engine.lint({ ref: entry, config, ...(cache ? { externalRefResolver: cache.resolver(config) } : {}) });
  return toLintProblems(engine, problems, cwd);
}

/** The bundle's non-finite numbers as errors at their source file and line (the bundle's pointer when not found there). */
export function nonFiniteProblems(pointers, entry, cwd) {
  return nonFiniteFindings(pointers, dirname(entry), cwd, relative(cwd, entry)).map((f) => ({ severity: "error", ruleId: "specforge/non-finite-number", line: 1, col: 1, ...f }));
}

/** True when every document a bundle was made of is a text that surely holds no non-finite number. */
async function sourcesClear(resolver) {
  if (!resolver) return false;
  for (const doc of resolver.cache.values()) {
    const body = (await Promise.resolve(doc).catch(() => undefined))?.source?.body;
    if (typeof body !== "string" || mayHoldNonFinite(body)) return false;
  }
  return resolver.cache.size > 0;
}

/**
 * `redocly bundle <entry> --config <file> --output x.yaml` and `… x.json`, in memory: the exact
 * texts the CLI writes, and the bundler's own problems (an unresolved $ref, say).
 */
export async function bundleSpec(engine, config, entry, cwd, cache) {
  const resolver = cache?.resolver(config);
  const { bundle, problems } = await engine.bundle({ ref: entry, config, ...(resolver ? { externalRefResolver: resolver } : {}) });
  const list = toLintProblems(engine, problems, cwd);
  if (list.some((p) => p.severity === "error")) return { problems: list };
  // Numbers JSON cannot carry would be `null` in the JSON text (see spec/non-finite-numbers.mjs).
  // Walking the whole bundle costs ~10 ms per MB on every rebuild; the texts it was made of say first whether it can hold one.
  const nonFinite = (await sourcesClear(resolver)) ? [] : nonFinitePointers(bundle.parsed);
  if (nonFinite.length) return { problems: [...list, ...nonFiniteProblems(nonFinite, entry, cwd)] };
  const sorted = engine.sortTopLevel(bundle.parsed);
  let yaml;
  // The YAML text is needed only once the lint passed: dumping it is off the regeneration path.
  return {
    get yaml() {
      return (yaml ??= engine.dump(sorted, "yaml", false));
    },
    json: engine.dump(sorted, "json", false),
    problems: list,
  };
}

