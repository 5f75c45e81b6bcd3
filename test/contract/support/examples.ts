import { operations } from "@specforge/zod";
import type { z } from "zod";
import { parameterExample, requestExample } from "./spec.js";

type Ops = typeof operations;
type Bodies<Id extends keyof Ops> = Ops[Id]["request"] extends { body: infer B } ? B : never;

/**
 * The spec's request example for an operation, parsed by the generated zod schema: typed for the
 * client, and a broken example fails here rather than as a confusing mock answer.
 */
export function exampleBody<Id extends keyof Ops, M extends keyof Bodies<Id> & string>(
  id: Id,
  mediaType: M,
  name?: string,
): z.output<Extract<Bodies<Id>[M], z.ZodType>> {
  const schema = (operations[id].request as { body: Record<string, z.ZodType> }).body[mediaType];
  if (!schema) throw new Error(`zod has no ${mediaType} body schema for ${id}`);
  return schema.parse(requestExample(id, mediaType, name)) as z.output<Extract<Bodies<Id>[M], z.ZodType>>;
}

/** The id every `{id}` path of the spec documents as its example. */
export const exampleId = parameterExample("ResourceId") as string;

/** A syntactically wrong id: every `{id}` is `format: uuid`. */
export const notAUuid = "not-a-uuid";
