/**
 * Node 20 compatibility preload for size-limit 14 (which declares node >= 22.19): it needs
 * `Array.fromAsync` and `glob` from `node:fs/promises`. Use it as
 *   NODE_OPTIONS="--import ./node20/register.mjs" npx size-limit
 * On Node >= 22.19 plain `npx size-limit` works and this file is unnecessary.
 */
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  if (typeof Array.fromAsync !== "function") {
    Array.fromAsync = async function fromAsync(iterable) {
      const out = [];
      for await (const item of iterable) out.push(item);
      return out;
    };
  }
  register(import.meta.url);
}

const shim = new URL("./fs-promises.mjs", import.meta.url).href;

/** Loader hook: size-limit's own modules get an `fs/promises` that also exports `glob`. */
export async function resolve(specifier, context, next) {
  if ((specifier === "node:fs/promises" || specifier === "fs/promises") && context.parentURL?.includes("/size-limit")) {
    return { url: shim, shortCircuit: true };
  }
  return next(specifier, context);
}
