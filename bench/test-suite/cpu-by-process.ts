// Where the CPU of a run goes, by kind of process (tsc, vitest, Prism, Redocly, Chromium, …):
// /proc is sampled every 250 ms and each process's last seen user+system time is kept, so
// processes that are never waited for (Prism, Chromium children) are counted too. Linux only; a
// process shorter than one sample interval is missed (its parent's wait usually counts it).
import { readdirSync, readFileSync } from "node:fs";

const KINDS: [string, RegExp][] = [
  ["tsc", /typescript\/bin\/tsc|\/tsc\b/],
  ["vitest", /vitest/],
  ["prism", /prism-cli/],
  ["redocly", /@redocly\/cli|redocly/],
  ["chromium", /chrom/],
  ["turbo", /turbo/],
  ["pnpm/npm", /pnpm|npm/],
  ["tsx (scripts, CLIs)", /tsx/],
  ["esbuild", /esbuild/],
  ["git", /^git|\/git\b/],
];

const TICKS = 100; // USER_HZ on Linux

export interface CpuSampler {
  stop(): Record<string, number>;
}

/** Samples every process whose ancestry includes `rootPid` (or every process when absent). */
export function sampleCpu(rootPid?: number): CpuSampler {
  const seen = new Map<number, { cpu: number; kind: string }>();
  const parents = new Map<number, number>();
  const within = (pid: number): boolean => {
    if (rootPid === undefined) return true;
    for (let p = pid, guard = 0; p > 1 && guard < 64; guard++) {
      if (p === rootPid) return true;
      const next = parents.get(p);
      if (next === undefined) return false;
      p = next;
    }
    return false;
  };
  const tick = () => {
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      const pid = Number(name);
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        // The command name is in parentheses and may hold spaces: fields after the last ')'.
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        parents.set(pid, Number(f[1]));
        if (!within(pid)) continue;
        const cpu = (Number(f[11]) + Number(f[12])) / TICKS;
        const prev = seen.get(pid);
        const kind = prev?.kind ?? kindOf(readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " "));
        seen.set(pid, { cpu: Math.max(cpu, prev?.cpu ?? 0), kind });
      } catch {
        // exited between readdir and read
      }
    }
  };
  const timer = setInterval(tick, 250);
  tick();
  return {
    stop() {
      clearInterval(timer);
      tick();
      const byKind: Record<string, number> = {};
      for (const { cpu, kind } of seen.values()) byKind[kind] = (byKind[kind] ?? 0) + cpu;
      return byKind;
    },
  };
}

function kindOf(cmd: string): string {
  for (const [kind, re] of KINDS) if (re.test(cmd)) return kind;
  return /node/.test(cmd) ? "node (other)" : "other";
}
