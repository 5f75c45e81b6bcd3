import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { copyDevRoot } from "../../src/dev/copy-root.js";
import type { DevEvent } from "../../src/dev/dev-loop.js";

export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** A private copy of spec/ and the generated packages: tests never edit the real spec. */
export function tempRoot(): string {
  return copyDevRoot(repoRoot, mkdtempSync(join(tmpdir(), "specforge-dev-")));
}

/** path → sha256 of every file under `dir`. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

export interface LoopProcess {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** The next event (after those already taken) matching `pred`. */
  next(pred: (e: DevEvent) => boolean, what: string): Promise<DevEvent>;
  stop(): Promise<void>;
}

/** `tools/codegen/src/dev/main.ts --root <root>` as `pnpm dev` runs it: a forked tsx process with IPC. */
export function startLoop(root: string, args: string[] = []): LoopProcess {
  const tsx = pathToFileURL(createRequire(join(repoRoot, "package.json")).resolve("tsx")).href;
  const child = fork(join(repoRoot, "tools/codegen/src/dev/main.ts"), ["--root", root, ...args], {
    execArgv: ["--import", tsx],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
  });
  let out = "";
  child.stdout!.on("data", (c) => (out += String(c)));
  child.stderr!.on("data", (c) => (out += String(c)));
  const events: DevEvent[] = [];
  let waiters: (() => void)[] = [];
  child.on("message", (e: DevEvent) => {
    events.push(e);
    for (const w of waiters) w();
  });
  let taken = 0;
  return {
    child,
    output: () => out,
    next(pred, what) {
      return new Promise((resolve, reject) => {
        const check = () => {
          while (taken < events.length) {
            const e = events[taken++]!;
            if (pred(e)) {
              waiters = waiters.filter((w) => w !== check);
              child.off("exit", onExit);
              return resolve(e);
            }
          }
        };
        const onExit = (code: number | null) => reject(new Error(`the loop exited (${code}) while waiting for ${what}:\n${out}`));
        child.once("exit", onExit);
        waiters.push(check);
        check();
      });
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
