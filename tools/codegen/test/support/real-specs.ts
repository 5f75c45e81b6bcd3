import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The real-world specs beside the repo (`../shared/specs/real`, see its SOURCES.md): absolute
 * paths, sorted. The folder is not part of the repo; when it is absent the suites that need it
 * skip, and this says so once per suite, naming what is missing and where it goes.
 */
export const REAL_SPECS_DIR = fileURLToPath(new URL("../../../../../shared/specs/real/", import.meta.url));

const warned = new Set<string>();

export function realSpecs(suite: string): string[] {
  const files = existsSync(REAL_SPECS_DIR) ? readdirSync(REAL_SPECS_DIR).filter((f) => /\.(ya?ml|json)$/.test(f)).sort() : [];
  if (files.length === 0 && !warned.has(suite)) {
    warned.add(suite);
    console.warn(`${suite}: real-spec cases skipped — no OpenAPI documents in ${REAL_SPECS_DIR} (the shared/specs/real folder beside the repository; put the corpus there to run them)`);
  }
  return files.map((f) => REAL_SPECS_DIR + f);
}

/** One real spec by file name, or undefined (with the same one-line notice) when it is not there. */
export function realSpec(suite: string, file: string): string | undefined {
  return realSpecs(suite).find((p) => p.endsWith(`/${file}`));
}
