// Types of node24.mjs, for the TypeScript tests that run something on Node 24.
/** Resolves `{ path }` of the Node 24 binary, or `{ why }` in one line when npx cannot get it (offline, no registry). */
export function node24(options?: { attempts?: number; pauseMs?: number }): Promise<{ path?: string; why?: string }>;
