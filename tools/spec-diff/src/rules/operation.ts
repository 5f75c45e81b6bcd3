import type { IROperation } from "@specforge/codegen/model";
import type { Direction, Sink } from "../types.js";
import { compareContext } from "../schema/context.js";
import { diffParameters } from "./parameters.js";
import { diffRequestBody } from "./request-body.js";
import { diffResponses } from "./responses.js";
import { diffOperationSecurity } from "./security.js";

/** `GET /users/{id} (getUser)`, or `webhook order.created (onOrderCreated)`. */
export function operationLabel(op: IROperation, webhook?: string): string {
  const id = op.operationId ? ` (${op.operationId})` : "";
  return webhook ? `webhook ${webhook}${id}` : `${op.method.toUpperCase()} ${op.path}${id}`;
}

/**
 * Everything of one operation present in both versions. `input` is the direction of what the
 * consumer sends (parameters, body), `output` of what it receives (responses). For a webhook
 * the API sends the payload and the consumer answers, so the two are swapped. `unchanged`: the
 * operation and everything it references are the same in both documents (see unchanged-operations.ts).
 */
export function compareOperation(b: IROperation, h: IROperation, sink: Sink, input: Direction, output: Direction, unchanged = false): void {
  const cxIn = compareContext(sink, input);
  const cxOut = compareContext(sink, output);
  if (b.operationId && h.operationId && b.operationId !== h.operationId) {
    sink.emit({
      rule: "operation-id-changed",
      breaking: true,
      pointer: `${h.pointer}/operationId`,
      reason: `operationId changed from ${b.operationId} to ${h.operationId}: generated type, validator and client names change`,
    });
  }
  if (!b.deprecated && h.deprecated) sink.emit({ rule: "operation-deprecated", breaking: false, pointer: `${h.pointer}/deprecated`, reason: "operation deprecated" });
  if (b.deprecated && !h.deprecated) sink.emit({ rule: "operation-undeprecated", breaking: false, pointer: `${b.pointer}/deprecated`, reason: "operation no longer deprecated" });
  // An operation the same in both versions down to what it references has nothing more to find.
  if (!unchanged) {
    diffParameters(b, h, cxIn);
    diffRequestBody(b, h, cxIn);
    diffResponses(b, h, cxOut);
  }
  if (input === "request") diffOperationSecurity(b, h, sink);
}
