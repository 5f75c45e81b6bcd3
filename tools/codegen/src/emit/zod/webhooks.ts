import type { IRWebhook } from "../../ir/types.js";
import type { ZodState } from "./state.js";
import { operationEntry, standalone } from "./operations.js";
import { jsDoc, propertyKey } from "../inert.js";
import { UniqueKeys } from "./unique-keys.js";
import { declareVia } from "./declare.js";

const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json(?:;|$)/i;

/**
 * `webhooks[name]`: the payload (request body) of each webhook event, and `webhookOperations`
 * with the full request/response schemas. A webhook request is produced by the API, so its body
 * takes the response form (writeOnly properties left out, readOnly ones present); the response
 * the receiver sends back takes the request form.
 */
export function renderWebhooks(st: ZodState, hooks: IRWebhook[]): string {
  if (hooks.length === 0) return `${declareVia({ name: "webhooks", exported: true, body: "{}" })}\n\n${declareVia({ name: "webhookOperations", exported: true, body: "{}" })}`;
  const payloads: string[] = [];
  const ops: string[] = [];
  const consts: string[] = [];
  const keys = new UniqueKeys();
  for (const h of hooks) {
    const key = propertyKey(keys.claim(h.name, `${h.name} ${h.operation.method.toUpperCase()}`));
    const content = h.operation.requestBody?.content ?? [];
    const body = content.find((c) => JSON_MEDIA.test(c.mediaType)) ?? content[0];
    const doc = [h.operation.summary ?? "", body ? `Payload (${body.mediaType}) of the \`${h.name}\` webhook.` : `The \`${h.name}\` webhook has no payload.`];
    payloads.push(jsDoc(doc.filter(Boolean), "    "));
    payloads.push(`    ${key}: ${body ? standalone(st, body.schema, "response") : "$undefined"},`);
    consts.push(declareVia({ name: `$webhook${consts.length}`, exported: false, body: operationEntry(st, h.operation, "  ", "request", "response") }));
    ops.push(`    ${key}: $webhook${consts.length - 1},`);
  }
  return [
    ...consts,
    "",
    "/** Payload schema of each webhook event, by the name under `webhooks:` in the spec. */",
    declareVia({ name: "webhooks", exported: true, body: `{\n${payloads.join("\n")}\n  }` }),
    "",
    "/** Request and response schemas of each webhook (same shape as `operations`). */",
    declareVia({ name: "webhookOperations", exported: true, body: `{\n${ops.join("\n")}\n  }` }),
  ].join("\n");
}
