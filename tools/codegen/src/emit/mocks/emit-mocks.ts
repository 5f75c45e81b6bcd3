import { generatedHeader, type Emitter } from "../emitter.js";

/** Placeholder until the mocks emitter lands: emits nothing but the header. */
export const emitMocks: Emitter = (ctx) => [{ path: "mocks.gen.ts", content: generatedHeader(ctx, "mocks") + "export {};\n" }];
