import { generatedHeader, type Emitter } from "../emitter.js";

/** Placeholder until the zod emitter lands: emits nothing but the header. */
export const emitZod: Emitter = (ctx) => [{ path: "zod.gen.ts", content: generatedHeader(ctx, "zod") + "export {};\n" }];
