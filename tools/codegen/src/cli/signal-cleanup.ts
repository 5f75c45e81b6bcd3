import { rmSync } from "node:fs";
import { activeStaging } from "../write/atomic-write.js";

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Ctrl-C or a kill during a run: the staging folder would stay beside the output for ever, so it
 * is removed, then the process exits as a shell expects (128 + the signal). A swap is synchronous,
 * so a handler never runs between its two renames; a worker still writing may recreate a folder
 * in the instant before exit, which the next run sweeps (the name carries this dead pid).
 */
export function removeStagingOnSignals(): void {
  for (const signal of Object.keys(EXIT_CODES) as (keyof typeof EXIT_CODES)[]) {
    process.once(signal, () => {
      for (const dir of activeStaging()) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      process.exit(EXIT_CODES[signal]);
    });
  }
}
