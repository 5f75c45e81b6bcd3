/** TypeScript type expressions into openapi-typescript's `paths`, `components`, `webhooks`. */
import type { IROperation } from "../../ir/types.js";
import { indexLiteral, propertyKey, stringLiteral as q } from "../inert.js";

/** A status as a key: `200` for numeric statuses (openapi-typescript's keys), `"4XX"`/`"default"` otherwise. */
export function statusKey(status: string): string {
  return propertyKey(status, "numeric");
}

export function componentType(name: string): string {
  return `components["schemas"][${q(name)}]`;
}

export function responseType(op: IROperation, status: string, mediaType: string): string {
  return `paths[${q(op.path)}][${q(op.method)}]["responses"][${indexLiteral(status)}]["content"][${q(mediaType)}]`;
}

export function webhookType(name: string, op: IROperation, mediaType: string): string {
  return `NonNullable<webhooks[${q(name)}][${q(op.method)}]["requestBody"]>["content"][${q(mediaType)}]`;
}

/** The media type a typed fixture uses: the first JSON one, else the first. */
export function primaryMedia<T extends { mediaType: string }>(media: T[]): T | undefined {
  return media.find((m) => /[/+]json\b|^\*\/\*$/i.test(m.mediaType)) ?? media[0];
}
