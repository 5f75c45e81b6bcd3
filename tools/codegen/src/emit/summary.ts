import type { IRDocument } from "../ir/types.js";

/** What a caller of generate() learns about the model (the model itself may live in a worker). */
export interface ModelSummary {
  title: string;
  version: string;
  schemas: number;
  operations: number;
  webhooks: number;
}

export function summarize(model: IRDocument): ModelSummary {
  return { title: model.title, version: model.version, schemas: model.schemas.length, operations: model.operations.length, webhooks: model.webhooks.length };
}
