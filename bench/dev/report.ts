// The markdown report of bench/dev/run.ts.
export interface Sample {
  /** Edit written → regenerated packages on disk. */
  ms: number;
  /** 1-minute load average when the edit was made. */
  load: number;
  /** Dev loop only: ms from the start of the run to the end of each phase (they overlap). */
  phases?: Record<string, number>;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${Math.round(x)} ms`;

export function report(r: { dev: Sample[]; baseline: Sample[]; pairs: number[]; cores: number; node: string }): string {
  const dev = r.dev.map((s) => s.ms);
  const base = r.baseline.map((s) => s.ms);
  const loads = [...r.dev, ...r.baseline].map((s) => s.load);
  const row = (name: string, xs: number[]) => `| ${name} | ${xs.length} | ${ms(median(xs))} | ${ms(quantile(xs, 0.9))} | ${ms(Math.min(...xs))} | ${ms(Math.max(...xs))} |`;
  const phases = ["bundle", "generate", "lint", "write"].filter((p) => r.dev.some((s) => s.phases?.[p] !== undefined));
  const under = dev.filter((x) => x < 1000).length;
  return [
    `### Watch mode: one-line schema edit → regenerated packages`,
    "",
    `${r.cores} cores, Node ${r.node}; 1-minute load average during the run: min ${Math.min(...loads).toFixed(2)}, median ${median(loads).toFixed(2)}, max ${Math.max(...loads).toFixed(2)}.`,
    "",
    `| | edits | median | p90 | min | max |`,
    `|---|---:|---:|---:|---:|---:|`,
    row("`pnpm dev` (watch loop)", dev),
    row("`npx -y pnpm@12.4.2 generate` (turbo + CLIs)", base),
    "",
    `- **Target (< 1 s): ${median(dev) < 1000 ? "PASS" : "FAIL"}** on the median; ${under} of ${dev.length} edits under 1 s (p90 ${ms(quantile(dev, 0.9))}).`,
    `- **Ratio**: \`pnpm generate\` takes **${(median(base) / median(dev)).toFixed(1)}×** as long (medians); paired edit by edit: ${r.pairs.length ? `${median(r.pairs).toFixed(1)}× (median of ${r.pairs.length} pairs, order alternating)` : "—"}.`,
    phases.length
      ? `- Dev loop phases, median ms from the start of a run to the end of the phase (lint runs in a worker beside bundle → generate): ${phases.map((p) => `${p} ${Math.round(median(r.dev.map((s) => s.phases?.[p] ?? 0)))}`).join(", ")}; the rest of the latency is the file event and the 25 ms debounce.`
      : "",
    "",
  ].join("\n");
}
