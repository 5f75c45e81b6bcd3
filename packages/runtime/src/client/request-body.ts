/**
 * Request bodies in the media type the spec declares, when it is not plain JSON: Stripe's and
 * Twilio's `application/x-www-form-urlencoded`, `multipart/form-data` uploads, raw bytes
 * (`application/octet-stream`, `image/png`) and text; and JSON under its own type (JSON:API's
 * `application/vnd.api+json`, `application/merge-patch+json`), which such servers require.
 * openapi-fetch would send all of them as `application/json`.
 */

/** How one property is encoded (OpenAPI's Encoding Object): a form field's style, a part's content type. */
export interface PartEncoding {
  readonly style?: string;
  readonly explode?: boolean;
  readonly contentType?: string;
}

/** The request body the spec declares, when none of its media types is plain JSON. */
export interface BodyMeta {
  readonly mediaType: string;
  readonly encoding?: { readonly [property: string]: PartEncoding };
}

/** application/vnd.api+json, application/merge-patch+json… (not json-seq or ndjson). */
const JSON_TYPE = /^[^;]*[/+]json\s*(;|$)/;

type Payload = string | Blob | FormData | URLSearchParams | ArrayBuffer | ArrayBufferView;

const record = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Blob) && !(v instanceof Date) && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer);

/** A form value: null is the empty string (Stripe's way to unset), a Date its ISO form. */
const scalar = (v: unknown): string => (v === null ? "" : v instanceof Date ? v.toISOString() : String(v));

/** Encodes `body` as `spec` says, setting the content type it needs (FormData's boundary is fetch's to set). */
export function encodeBody(body: unknown, spec: BodyMeta, headers: Headers): Payload {
  const type = spec.mediaType.toLowerCase();
  // Already a body: sent as is, labelled with the spec's type unless it has its own (FormData's is fetch's to set).
  if (body instanceof FormData) return body;
  if (body instanceof URLSearchParams) {
    headers.set("content-type", "application/x-www-form-urlencoded;charset=UTF-8");
    return body;
  }
  // JSON under the spec's own type; a string body is a JSON string here, not text.
  if (JSON_TYPE.test(type) && !(body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body))) {
    headers.set("content-type", spec.mediaType);
    return JSON.stringify(body);
  }
  if (typeof body === "string" || body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    if (!/^multipart\//.test(type)) headers.set("content-type", body instanceof Blob && body.type ? body.type : spec.mediaType);
    return body;
  }
  if (type.startsWith("application/x-www-form-urlencoded") && record(body)) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    return formEncode(body, spec.encoding ?? {});
  }
  if (type.startsWith("multipart/") && record(body)) return multipart(body, spec.encoding ?? {});
  // A type we cannot encode an object into (XML…): JSON, as before.
  headers.set("content-type", "application/json");
  return JSON.stringify(body);
}

/** OpenAPI's form encoding: `style: form` (explode by default) or `deepObject` (`a[b][0]=c`, as Stripe reads it) per property. */
function formEncode(body: Record<string, unknown>, encoding: NonNullable<BodyMeta["encoding"]>): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const { style = "form", explode = style === "form" } = encoding[key] ?? {};
    if (style === "deepObject") deep(out, key, value);
    else if (Array.isArray(value)) {
      if (explode) for (const v of value) out.append(key, scalar(v));
      else out.append(key, value.map(scalar).join(style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ","));
    } else if (record(value)) {
      if (explode) for (const [k, v] of Object.entries(value)) v !== undefined && out.append(k, scalar(v));
      else out.append(key, Object.entries(value).flat().map(scalar).join(","));
    } else out.append(key, scalar(value));
  }
  return out.toString();
}

function deep(out: URLSearchParams, key: string, value: unknown): void {
  if (Array.isArray(value)) value.forEach((v, i) => deep(out, `${key}[${i}]`, v));
  else if (record(value)) for (const [k, v] of Object.entries(value)) deep(out, `${key}[${k}]`, v);
  else if (value !== undefined) out.append(key, scalar(value));
}

/** One part per property (an array: one per item): files and bytes as they are, objects as JSON parts, the rest as text. */
function multipart(body: Record<string, unknown>, encoding: NonNullable<BodyMeta["encoding"]>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const type = encoding[key]?.contentType;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v instanceof Blob) form.append(key, v);
      else if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) form.append(key, new Blob([v as BlobPart], { type: type?.includes(",") ? "application/octet-stream" : (type ?? "application/octet-stream") }));
      else if (typeof v === "object" && v !== null && !(v instanceof Date)) form.append(key, new Blob([JSON.stringify(v)], { type: "application/json" }));
      else form.append(key, scalar(v));
    }
  }
  return form;
}
