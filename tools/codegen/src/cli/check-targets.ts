import { ALL_TARGETS, type Target } from "../emit/emitter.js";

/**
 * What is wrong with a --targets list, or undefined. An empty list would swap in a folder with
 * an empty index.ts in place of the previous output; client and mocks import the types module,
 * which without `types` (or --types-import naming where it lives) does not exist.
 */
export function checkTargets(targets: string[], typesImported: boolean): string | undefined {
  const known = ALL_TARGETS.join(", ");
  if (targets.length === 0) return `--targets names no target (known: ${known})`;
  const unknown = targets.filter((t) => !ALL_TARGETS.includes(t as Target));
  if (unknown.length) return `unknown target(s) ${unknown.join(", ")} (known: ${known})`;
  const needsTypes = targets.find((t) => t === "client" || t === "mocks");
  if (needsTypes && !targets.includes("types") && !typesImported) {
    return `the ${needsTypes} target imports its types from ./types.gen.js: add \`types\` to --targets, or pass --types-import <module>`;
  }
  return undefined;
}
