/**
 * Wall time and peak RSS of one child process (and its descendants), with a timeout.
 *
 * Peak memory comes from GNU `/usr/bin/time -f '%e %M'` when present (the kernel's max RSS over the
 * process tree that was waited for, so `tsx` → node and npm-style shims are covered); otherwise, and
 * always when a run is killed, from polling `VmHWM` in `/proc/<pid>/status` of the child and every
 * descendant. Wall time is measured here, around the spawn, with `performance.now()`.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface Measurement {
  ok: boolean;
  wallS: number;
  peakMB: number | null;
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  oom: boolean;
  /** Short reason when not ok: "timeout", "OOM", "exit 1: <last stderr line>". */
  reason: string;
  logFile: string;
}

export interface MeasureOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  timeoutMs: number;
  /** stdout + stderr of the child go here (the bench prints only a summary). */
  logFile: string;
}

const TIME = "/usr/bin/time";
export const hasGnuTime = existsSync(TIME);

function childrenOf(): Map<number, number[]> {
  const kids = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid … — comm may contain spaces and parentheses: split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = kids.get(ppid) ?? [];
      list.push(Number(entry));
      kids.set(ppid, list);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return kids;
}

function vmHwmKB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Max VmHWM (kB) over `root` and its descendants right now. */
function treePeakKB(root: number): number {
  const kids = childrenOf();
  let peak = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    peak = Math.max(peak, vmHwmKB(pid));
    stack.push(...(kids.get(pid) ?? []));
  }
  return peak;
}

export async function measure(cmd: string, args: string[], options: MeasureOptions): Promise<Measurement> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, "w");
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const argv = hasGnuTime ? ["-f", "%e %M", "-o", timeFile, cmd, ...args] : args;
  const env = { ...process.env, ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const started = performance.now();
  const child = spawn(hasGnuTime ? TIME : cmd, argv, { cwd: options.cwd, env, stdio: ["ignore", log, log], detached: true });
  let polledKB = 0;
  // Polling is the fallback source of peak memory (and the only one for killed runs).
  const poll = setInterval(() => {
    if (child.pid) polledKB = Math.max(polledKB, treePeakKB(child.pid));
  }, hasGnuTime ? 1000 : 100);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  }, options.timeoutMs);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("error", () => resolve({ code: null, signal: null }));
    child.once("close", (c, s) => resolve({ code: c, signal: s }));
  });
  const wallS = (performance.now() - started) / 1000;
  clearInterval(poll);
  clearTimeout(timer);
  closeSync(log);
  // Reap anything the child left behind in its process group.
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    /* nothing left */
  }
  let peakKB = polledKB;
  if (hasGnuTime && existsSync(timeFile)) {
    const lines = readFileSync(timeFile, "utf8").trim().split("\n");
    const m = /^([\d.]+) (\d+)$/.exec(lines[lines.length - 1] ?? "");
    if (m) peakKB = Math.max(peakKB, Number(m[2]));
    rmSync(timeFile, { force: true });
  }
  const logText = readTail(options.logFile);
  const oom = /heap out of memory|ERR_WORKER_OUT_OF_MEMORY|Allocation failed/i.test(logText);
  const ok = !timedOut && code === 0 && !oom;
  let reason = "";
  if (timedOut) reason = `timeout after ${Math.round(options.timeoutMs / 1000)} s`;
  else if (oom) reason = "OOM";
  else if (code !== 0) {
    const lines = logText
      .split("\n")
      // eslint-disable-next-line no-control-regex
      .map((l) => l.replace(/\x1b\[[0-9;]*m/g, "").trim())
      .filter((l) => l && !/^Command (exited with non-zero status|terminated by signal)/.test(l) && !/^at /.test(l));
    const errorLine = lines.filter((l) => /error|🛑|failed|cannot|invalid/i.test(l) && l.length > 8).pop();
    reason = `exit ${code ?? signal}: ${(errorLine ?? lines.pop() ?? "").slice(0, 160)}`;
  }
  return { ok, wallS, peakMB: peakKB ? peakKB / 1024 : null, code, signal, timedOut, oom, reason, logFile: options.logFile };
}

function readTail(file: string, bytes = 64 * 1024): string {
  try {
    const text = readFileSync(file, "utf8");
    return text.slice(-bytes);
  } catch {
    return "";
  }
}
