/**
 * What a run has to undo (temp spec copy, Prism, the recorder), kept where a signal handler can
 * reach it: `finally` blocks do not run when the process is told to stop.
 */
const pending = new Set<() => Promise<void>>();

/** Registers an undo step; the returned function runs it once and unregisters it. */
export function onCleanup(step: () => Promise<void> | void): () => Promise<void> {
  let done = false;
  const run = async () => {
    if (done) return;
    done = true;
    pending.delete(run);
    await step();
  };
  pending.add(run);
  return run;
}

/** Runs every pending undo step, last registered first. */
export async function cleanupAll(): Promise<void> {
  for (const run of [...pending].reverse()) await run().catch(() => undefined);
}
