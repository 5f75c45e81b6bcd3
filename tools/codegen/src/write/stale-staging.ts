import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Names of the staging folders of an output folder, and the sweep of those a run did not get to
 * remove (killed with SIGKILL, a crash, a power cut). A name carries the run's pid, so a live
 * run's folder is never taken: only a dead pid's, or one too old to be a run's.
 */
const STALE_MS = 60_000;
const GIVE_UP_MS = 24 * 3600_000; // a live pid this old is another process that reused it

export function stagingPrefix(target: string): string {
  return `.${basename(target)}.tmp-`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the stale staging folders beside `target`, and when `target` is missing while a stale
 * `.old` holds the previous output (killed between the two renames of a swap), renames it back
 * first: the previous output is the user's last good one, never deleted here. `mine`: this
 * process's live staging folders.
 */
export function sweepStaleStaging(target: string, mine: ReadonlySet<string> = new Set()): void {
  const parent = dirname(target);
  const prefix = stagingPrefix(target);
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  const now = Date.now();
  const stale = names.filter((name) => {
    const m = /^(?:(\d+)-)?[A-Za-z0-9]{6}(\.old)?$/.exec(name.slice(prefix.length));
    if (!m) return false;
    let age: number;
    try {
      age = now - statSync(join(parent, name)).mtimeMs;
    } catch {
      return false;
    }
    if (m[1] === undefined) return age > STALE_MS; // an older generator's name, without a pid
    const pid = Number(m[1]);
    // Our own pid: another process's before us (a container's pid is the same on every run) unless this run made it.
    if (pid === process.pid) return !mine.has(join(parent, name).replace(/\.old$/, ""));
    return !alive(pid) || age > GIVE_UP_MS;
  });
  if (!existsSync(target)) {
    const old = stale.find((n) => n.endsWith(".old"));
    if (old) {
      renameSync(join(parent, old), target);
      stale.splice(stale.indexOf(old), 1);
    }
  }
  for (const name of stale) rmSync(join(parent, name), { recursive: true, force: true });
}
