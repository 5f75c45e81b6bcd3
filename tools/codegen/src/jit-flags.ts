import { setFlagsFromString } from "node:v8";

/**
 * V8 settings for one short batch run of the CLI. Codegen runs a lot of distinct code once or a
 * few times over tens of thousands of schema nodes; with V8's defaults most of its CPU goes to
 * TurboFan recompiling big inlined functions (measured on GitHub's spec: 2.8 s of background
 * compile for a 2 s run, on a 2-core machine where that competes with GC and the other worker).
 * Tiering up later and without inlining cut CPU by ~35% and wall time by ~15% there (Node 20), and output
 * is unaffected (JIT flags change speed, never results). Both flags are read when a function is
 * compiled, so setting them at start-up (process-wide: workers too) takes effect. Not applied by
 * `generate()` itself: a long-lived host (the dev loop) keeps V8's defaults.
 * SPECFORGE_DEFAULT_JIT=1 keeps V8's defaults (to compare).
 */
export const BATCH_JIT_FLAGS = batchJitFlags();

/**
 * The flags above for the V8 that runs (`process.versions.v8`). V8 12+ (Node 22 and 24) tiers up by
 * invocation counts and no longer knows `--interrupt-budget`: setting it there changes nothing and
 * V8 prints "Error: unrecognized flag" on every run. It gets the same ~8× later TurboFan tier-up
 * through its own flag (measured on GitHub's spec: 5–10 % less CPU on Node 22 and 24; turning off
 * inlining made no difference there, so it is left on).
 */
export function batchJitFlags(v8Version: string = process.versions.v8): string[] {
  return Number(v8Version.split(".")[0]) >= 12 ? ["--invocation-count-for-turbofan=23400"] : ["--no-turbo-inlining", "--interrupt-budget=528000"];
}

export function tuneJitForBatch(): void {
  if (process.env.SPECFORGE_DEFAULT_JIT === "1") return;
  for (const flag of BATCH_JIT_FLAGS) setFlagsFromString(flag);
}
