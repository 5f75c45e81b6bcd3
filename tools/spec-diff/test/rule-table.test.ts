/**
 * The README's rule table against the catalog: every rule id with its default severity, no more,
 * no less (regenerate it with `npx tsx scripts/rule-table.ts`).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { README, END, START, ruleTable, tableIn } from "../scripts/rule-table.js";
import { RULE_IDS } from "../src/rules/catalog.js";
import { WARNING_RULES, ruleDefaultSeverity } from "../src/severity.js";

const readme = readFileSync(README, "utf8");
/** `| \`id\` | cell | …` rows of a markdown text → id → the cells after it. */
const rows = (text: string) => new Map([...text.matchAll(/^\| `([^`]+)` \|(.*)\|$/gm)].map(([, id, rest]) => [id!, rest!.split("|").map((c) => c.trim())]));

describe("README.md's rule table", () => {
  it("is there, once", () => {
    expect(readme.split(START).length - 1).toBe(1);
    expect(readme.split(END).length - 1).toBe(1);
  });

  it("is what scripts/rule-table.ts generates from the catalog (run `npx tsx scripts/rule-table.ts` after changing a rule)", () => {
    expect(tableIn(readme)).toBe(ruleTable());
  });

  it("lists every rule id of the catalog once, with its default severity", () => {
    const table = tableIn(readme) ?? "";
    const listed = rows(table);
    expect(table.match(/^\| `/gm)?.length).toBe(listed.size); // no id twice
    expect(Object.fromEntries([...listed].map(([id, [severity]]) => [id, severity!.replace(/\*/g, "")]))).toEqual(
      Object.fromEntries([...RULE_IDS].map((id) => [id, ruleDefaultSeverity(id)])),
    );
  });

  it("and its table of default warnings lists exactly the warnings of src/severity.ts", () => {
    const section = readme.slice(readme.indexOf("Warnings by default"), readme.indexOf("**Bump.**"));
    expect([...rows(section).keys()].sort()).toEqual(Object.keys(WARNING_RULES).sort());
  });
});
