/** Markdown table of one spec's results, with ratios against the fastest peer of the same task. */

export interface TscSummary {
  seconds: number | null;
  peakMB: number | null;
  errors: number | null;
  reason: string;
  firstErrors: string[];
  /** Seconds of each tsc run, in order. */
  runs: number[];
  /** Our JS rows reuse the tsx rows' output: not checked twice. */
  sameAs?: string;
}

export interface Row {
  id: string;
  tool: string;
  task: string;
  /** Peer task this row's ratio is taken against (ours "zod+client+mocks" → zod, "all" → types). */
  compare: string;
  ours: boolean;
  ok: boolean;
  reason: string;
  /** Median over runs. */
  wallS: number | null;
  peakMB: number | null;
  walls: number[];
  peaks: number[];
  bytes: number | null;
  files: number | null;
  tsc: TscSummary | null;
}

export const fmtS = (s: number | null | undefined) => (s == null ? "—" : s >= 100 ? s.toFixed(0) : s.toFixed(2));
export const fmtMB = (mb: number | null | undefined) => (mb == null ? "—" : mb.toFixed(0));
export const fmtX = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? "—" : `${x.toFixed(2)}×`);

export function fmtBytes(b: number | null): string {
  if (b == null) return "—";
  if (b >= 1e6) return `${(b / 1e6).toFixed(1)} MB`;
  if (b >= 1e3) return `${(b / 1e3).toFixed(0)} kB`;
  return `${b} B`;
}

export function tscResult(t: TscSummary | null): string {
  if (!t) return "—";
  if (t.sameAs) return `as ${t.sameAs}`;
  if (t.errors == null) return `FAIL (${t.reason || "tsc failed"})`;
  return t.errors === 0 ? "clean" : `${t.errors} error${t.errors === 1 ? "" : "s"}`;
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Fastest successful peer (not ours) per task: wall and tsc. */
export function fastestPeers(rows: Row[]): { wall: Map<string, Row>; tsc: Map<string, Row> } {
  const wall = new Map<string, Row>();
  const tsc = new Map<string, Row>();
  for (const r of rows) {
    if (r.ours || !r.ok || r.wallS == null) continue;
    const w = wall.get(r.task);
    if (!w || r.wallS < w.wallS!) wall.set(r.task, r);
    if (r.tsc?.seconds != null && r.tsc.errors != null) {
      const t = tsc.get(r.task);
      if (!t || r.tsc.seconds < t.tsc!.seconds!) tsc.set(r.task, r);
    }
  }
  return { wall, tsc };
}

export function renderTable(rows: Row[]): string {
  const { wall, tsc } = fastestPeers(rows);
  const out = [
    "| tool | task | s | × fastest peer | peak MB | output | tsc s | tsc × fastest peer | tsc result |",
    "|---|---|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const r of rows) {
    const fw = wall.get(r.compare);
    const ft = tsc.get(r.compare);
    const ratio = r.ok && r.wallS != null && fw ? r.wallS / fw.wallS! : null;
    const tscRatio = r.tsc?.seconds != null && ft ? r.tsc.seconds / ft.tsc!.seconds! : null;
    const status = r.ok ? fmtS(r.wallS) : `FAIL (${r.reason.replace(/\|/g, "\\|")}) ${fmtS(r.wallS)}`;
    const tool = r.ours ? `**${r.tool}**` : r.tool;
    const vs = ratio != null && r.compare !== r.task ? `${fmtX(ratio)} (vs ${fw!.tool} ${r.compare})` : fmtX(ratio);
    out.push(
      `| ${tool} | ${r.task} | ${status} | ${vs} | ${fmtMB(r.peakMB)} | ${r.ok ? `${fmtBytes(r.bytes)}${r.files != null ? ` / ${r.files} files` : ""}` : "—"} | ${r.tsc?.sameAs ? "" : fmtS(r.tsc?.seconds)} | ${r.tsc?.sameAs ? "" : fmtX(tscRatio)} | ${tscResult(r.tsc)} |`,
    );
  }
  return out.join("\n");
}
