/**
 * The README's table of every rule id and its default severity, generated from src/rules/catalog.ts
 * and src/severity.ts. `npx tsx scripts/rule-table.ts` (`pnpm readme:rules` here) rewrites it in
 * README.md; test/rule-table.test.ts fails when the README's table and the catalog differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RULE_IDS } from "../src/rules/catalog.js";
import { WARNING_RULES, ruleDefaultSeverity } from "../src/severity.js";

export const README = fileURLToPath(new URL("../README.md", import.meta.url));
export const START = "<!-- rule-table: generated from src/rules/catalog.ts and src/severity.ts by scripts/rule-table.ts; do not edit by hand -->";
export const END = "<!-- /rule-table -->";

/** The table (in a collapsed block: 295 rows), without the markers. */
export function ruleTable(): string {
  const rows = [...RULE_IDS].map((id) => {
    const severity = ruleDefaultSeverity(id)!;
    return `| \`${id}\` | ${severity === "info" ? severity : `**${severity}**`} |`;
  });
  const warnings = Object.keys(WARNING_RULES).length;
  return [
    `<details><summary>All ${RULE_IDS.size} rule ids and their default severity (${warnings} warnings)</summary>`,
    "",
    "| rule | default |",
    "|---|---|",
    ...rows,
    "",
    "</details>",
  ].join("\n");
}

/** The text between the markers of `readme`; undefined when they are missing. */
export function tableIn(readme: string): string | undefined {
  const [from, to] = [readme.indexOf(START), readme.indexOf(END)];
  if (from < 0 || to < from) return undefined;
  return readme.slice(from + START.length, to).replace(/^\n|\n$/g, "");
}

/** `readme` with the table between its markers replaced by the current one. */
export function withRuleTable(readme: string): string {
  if (tableIn(readme) === undefined) throw new Error(`README.md: no ${START} … ${END} section`);
  return readme.slice(0, readme.indexOf(START) + START.length) + `\n${ruleTable()}\n` + readme.slice(readme.indexOf(END));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const before = readFileSync(README, "utf8");
  const after = withRuleTable(before);
  if (after !== before) writeFileSync(README, after);
  process.stdout.write(after === before ? "README.md: the rule table is up to date\n" : "README.md: rule table rewritten\n");
}
