import { rm } from "node:fs/promises";

/**
 * Time allowed to the `afterAll` that removes clones and installs. vitest counts a hook's whole
 * elapsed time, so deleting two installed clones on a loaded CI disk must not fail a suite whose
 * tests all passed (it did once, at the default 120 s).
 */
export const CLEANUP_TIMEOUT_MS = 600_000;

/**
 * Removes scratch folders without blocking the event loop; a folder that is already gone is fine.
 * A folder that cannot be removed (a process still writing into it) is named on stderr, not a
 * failure: what the suite checks has passed or failed by then.
 */
export async function removeScratch(...dirs: (string | undefined)[]): Promise<void> {
  await Promise.all(
    dirs
      .filter((d): d is string => !!d)
      .map((d) => rm(d, { recursive: true, force: true, maxRetries: 3 }).catch((e: unknown) => console.warn(`scratch folder ${d} left behind: ${(e as Error).message}`))),
  );
}
