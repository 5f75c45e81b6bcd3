import { ResponseParseError, type ErrorDetail } from "../errors/index.js";

/** A Standard Schema (zod 4, valibot, ArkType…): only what checking a value needs. */
export interface StandardSchema {
  readonly "~standard": { validate(value: unknown): StandardResult | Promise<StandardResult> };
}
interface StandardResult {
  readonly issues?: readonly { readonly message: string; readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] }[];
}

/**
 * Schemas of success bodies by operation id, then status as the spec writes it ("200", "2XX",
 * "default"), then media type: the `operations` export of the generated zod module has this shape.
 */
export type ResponseSchemas = Readonly<Record<string, { readonly responses?: Readonly<Record<string, Readonly<Record<string, StandardSchema | undefined>>>> } | undefined>>;

const JSON_TYPE = /[/+]json\b/i;

/** At most this many issues are listed in the message (all of them are in `details`). */
const LISTED = 3;

/**
 * The check of one operation's success bodies, or undefined when there is nothing to check. The
 * schema is picked by status (exact, then `2XX`, then `default`) and by the response's media type
 * (else `application/json`, or the first JSON one, for a body the client decoded as JSON); a body that does not match is a
 * ResponseParseError naming the operation, with every issue in `details` and the body in `body`.
 */
export function responseCheck(schemas: ResponseSchemas | undefined, id: string): ((data: unknown, response: Response) => unknown) | undefined {
  const byStatus = schemas && Object.prototype.hasOwnProperty.call(schemas, id) ? schemas[id]?.responses : undefined;
  if (!byStatus) return undefined;
  return (data, response) => {
    const status = String(response.status);
    const byType = own(byStatus, status) ?? own(byStatus, `${status[0]}XX`) ?? own(byStatus, "default");
    const contentType = response.headers.get("content-type") ?? "";
    const type = contentType.split(";")[0]!.trim().toLowerCase();
    const decoded = typeof data !== "string" && !(data instanceof Blob);
    const schema = byType && (own(byType, type) ?? (decoded ? (own(byType, "application/json") ?? Object.entries(byType).find(([t]) => JSON_TYPE.test(t))?.[1]) : undefined));
    if (!schema || data === undefined) return data;
    const result = schema["~standard"].validate(data);
    const settle = (r: StandardResult): unknown => {
      if (!r.issues) return data;
      const details: ErrorDetail[] = r.issues.map((issue) => ({ field: (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join("."), message: issue.message }));
      const listed = details.slice(0, LISTED).map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join("; ");
      const more = details.length > LISTED ? ` (+${details.length - LISTED} more)` : "";
      throw new ResponseParseError(`${id}: ${status} response body does not match the spec: ${listed}${more}`, {
        status: response.status,
        requestId: response.headers.get("x-request-id") ?? undefined,
        headers: response.headers,
        contentType,
        bodyPreview: preview(data),
        details,
        body: data,
      });
    };
    return result instanceof Promise ? result.then(settle) : settle(result);
  };
}

function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

function preview(data: unknown): string {
  try {
    return (JSON.stringify(data) ?? "").slice(0, 200);
  } catch {
    return "";
  }
}
