// `pnpm run help`: every root script with one line on what it does (from "scripts-info" in the
// root package.json, the npm-scripts-info convention), so `--help` need not be guessed per script.
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
const info = pkg["scripts-info"] ?? {};
const names = Object.keys(pkg.scripts);
const width = Math.max(...names.map((n) => n.length));
console.log("Root scripts (run as `npx -y pnpm@12.4.2 <script>`; `run docs` and `run help` need `run`):\n");
for (const name of names) console.log(`  ${name.padEnd(width)}  ${info[name] ?? "(no description)"}`);
console.log("\nThe README has the details of each; per-package scripts are in packages/*/package.json and tools/*/package.json.");
