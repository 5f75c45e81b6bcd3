import openapiTS, { astToString } from "openapi-typescript";
import type { OpenAPI3 } from "openapi-typescript";
import { generatedHeader, type Emitter } from "../emitter.js";

/** TypeScript types through openapi-typescript, the reference typing of OpenAPI for openapi-fetch. */
export const emitTypes: Emitter = async (ctx) => {
  const ast = await openapiTS(ctx.document as unknown as OpenAPI3, {
    silent: true,
    alphabetize: false,
  });
  const body = astToString(ast);
  return [{ path: "types.gen.ts", content: generatedHeader(ctx, "TypeScript types of the API (openapi-typescript).") + "\n" + body }];
};
