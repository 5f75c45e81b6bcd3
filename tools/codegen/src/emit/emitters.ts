import type { Emitter, Target } from "./emitter.js";

/** Our own emitters, loaded on demand (types is openapi-typescript in a worker: emit-types.ts). */
export const EMITTERS: Record<Exclude<Target, "types">, () => Promise<Emitter>> = {
  zod: async () => (await import("./zod/emit-zod.js")).emitZod,
  client: async () => (await import("./client/emit-client.js")).emitClient,
  mocks: async () => (await import("./mocks/emit-mocks.js")).emitMocks,
};
