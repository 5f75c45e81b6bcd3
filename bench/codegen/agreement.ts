/**
 * zod vs Ajv on one spec's component schemas, with the agreement suite's runner
 * (tools/codegen/test/agreement): generated valid instances, single-fault mutations and probes;
 * both must give the same verdict on every one. The suite runs the real specs of
 * ../shared/specs/real; this runs GitHub's REST spec (13 MB), which the suite does not hold.
 *
 *   npx tsx bench/codegen/agreement.ts [--spec <path>]   (default: GitHub's, fetched like run.ts)
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { REPO } from "./ours.js";
import { ensureGithubSpec } from "./peers.js";
import { reportTable, runAgreement } from "../../tools/codegen/test/agreement/run-agreement.js";

const { values } = parseArgs({ options: { spec: { type: "string" } } });
const spec = values.spec ?? (await ensureGithubSpec(join(REPO, "bench", ".peers"), 600_000, (m) => process.stderr.write(`bench: ${m}\n`)));
const r = await runAgreement(spec, spec.split("/").pop()!);
console.log(reportTable([r]));
for (const d of r.disagreements.slice(0, 20)) console.log(`${d.component}: zod=${d.zod} ajv=${d.ajv} on ${JSON.stringify(d.instance).slice(0, 200)}\n  ${d.detail}`);
if (r.ajvUncompilable.length || r.ajvThrew) console.log(`Ajv could not compile ${r.ajvUncompilable.length} component(s), threw on ${r.ajvThrew} instance(s)`);
