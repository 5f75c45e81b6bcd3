import { Buffer } from "node:buffer";
import { findDuplicateKey } from "./json-duplicates.js";

/** A request the proxy refuses before it reaches validation (size, media type, syntax). */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
    /** Where in the body, as the error format's field details. */
    readonly details?: Array<{ field: string; message: string }>,
  ) {
    super(message);
  }
}

/**
 * Reads a request body into memory, stopping as soon as it exceeds `max` bytes so an oversized
 * upload is refused without being buffered. The bytes are forwarded as received (never re-serialised).
 */
export async function readBody(body: AsyncIterable<Uint8Array> | null, headers: Headers, max: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!body) return undefined;
  const declared = Number(headers.get("content-length") ?? NaN);
  if (declared > max) throw new BodyError(413, `Request body exceeds ${max} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    // Leaving the loop early cancels the stream: the rest is never read into memory.
    if (size > max) throw new BodyError(413, `Request body exceeds ${max} bytes`);
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.byteLength) - c.byteLength);
  return out;
}

/** `type/subtype` of a Content-Type value, lower-cased, parameters dropped. */
export function mediaTypeOf(contentType: string | null): string | undefined {
  const t = contentType?.split(";")[0]?.trim().toLowerCase();
  return t || undefined;
}

const isJson = (mt: string): boolean => mt === "application/json" || /^application\/[\w.+-]+\+json$/.test(mt);

/** The declared media type of the operation a received Content-Type selects (JSON suffixes count as JSON). */
export function selectMediaType(received: string | undefined, declared: readonly string[]): string | undefined {
  if (!received) return undefined;
  if (declared.includes(received)) return received;
  if (isJson(received)) return declared.find(isJson);
  return undefined;
}

/** Parses a body into the value the generated schemas validate (JSON, form fields, multipart parts). */
export async function parseBody(bytes: Uint8Array<ArrayBuffer>, mediaType: string, contentType: string): Promise<unknown> {
  if (isJson(mediaType)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BodyError(400, "Request body is not valid JSON");
    }
    // JSON.parse keeps the last of two equal keys, an API's parser may keep the first: the bytes
    // forwarded would not mean what was validated.
    const duplicate = findDuplicateKey(text);
    if (duplicate !== undefined) {
      throw new BodyError(400, `Request body has a duplicate key at ${duplicate}`, [{ field: duplicate, message: "key appears more than once in its object" }]);
    }
    return value;
  }
  if (mediaType === "application/x-www-form-urlencoded") return collect(new URLSearchParams(Buffer.from(bytes).toString("utf8")));
  if (mediaType === "multipart/form-data") {
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
    } catch {
      throw new BodyError(400, "Request body is not valid multipart/form-data");
    }
    const entries: Array<[string, string]> = [];
    // A file part is a `format: binary` string to the schema: its bytes as a binary string.
    for (const [k, v] of form) entries.push([k, typeof v === "string" ? v : Buffer.from(await v.arrayBuffer()).toString("latin1")]);
    return collect(entries);
  }
  if (mediaType.startsWith("text/")) return Buffer.from(bytes).toString("utf8");
  return Buffer.from(bytes).toString("latin1");
}

/** Form fields as an object; a repeated name becomes an array. */
function collect(entries: Iterable<[string, string]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of entries) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
