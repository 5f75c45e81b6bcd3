import { errorFromResponse, ResponseParseError } from "../errors/index.js";

/** How an operation's success body is decoded: openapi-fetch's `parseAs`. */
export type ParseAs = "json" | "text" | "blob" | "arrayBuffer" | "stream";

const decoder = new TextDecoder();

/** At most this many characters of an undecodable body travel with the error. */
const PREVIEW = 200;

/**
 * The success body of an operation, decoded as openapi-fetch would (nothing for a 204, a HEAD or an
 * empty body; JSON by default, unless the response says it is something else and the spec allows
 * more than JSON: a string for text, a Blob for bytes), or the typed error of a non-2xx response built from its envelope. The body was
 * already read inside the attempt; this only decodes it, so what it throws is never a network error.
 * `jsonOnly`: the spec declares only JSON for the operation's success, so a body of another type (a
 * proxy's or a single-page app's HTML at a wrong base URL) is a ResponseParseError, not data.
 */
export function readBody(response: Response, body: ArrayBuffer, parseAs: ParseAs, method: string, jsonOnly?: boolean): unknown {
  const empty = response.status === 204 || method === "HEAD" || body.byteLength === 0;
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok) throw errorFromResponse(response, empty ? undefined : errorBody(decoderFor(type).decode(body)));
  if (empty) return undefined;
  // The default ("json") follows the response's media type: an image or a PDF the spec documents
  // comes back as a Blob and text/csv as a string, where openapi-fetch would fail to JSON-parse them.
  const as = parseAs === "json" && !jsonOnly && type !== "" && !JSON_TYPE.test(type) ? (TEXT_TYPE.test(type) ? "text" : "blob") : parseAs;
  if (as === "arrayBuffer") return body.slice(0);
  if (as === "blob") return new Blob([body], { type });
  const text = decoderFor(type).decode(body);
  return as === "text" ? text : parseJson(response, text);
}

/**
 * The decoder for the charset a response declares (`text/csv; charset=windows-1252`), so a legacy
 * API's text is not turned into U+FFFD; UTF-8 when it declares none or one no decoder knows.
 */
function decoderFor(type: string): TextDecoder {
  const label = /;\s*charset="?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
  if (!label || label === "utf-8" || label === "utf8") return decoder;
  // Made once per label: an API declares the same charset on every response.
  let made = decoders.get(label);
  if (!made) {
    try {
      made = new TextDecoder(label);
    } catch {
      made = decoder;
    }
    // The label is the server's to choose: a bounded map, not one entry per distinct string.
    if (decoders.size < 16) decoders.set(label, made);
  }
  return made;
}

const decoders = new Map<string, TextDecoder>();

/** Text that is not JSON: text/*, and the text formats under application/ (XML, SDP, YAML, JavaScript, GraphQL, SQL): a string, where `type: string` in the spec says so. */
const TEXT_TYPE = /^text\/|[/+](xml|sdp|yaml|x-yaml|javascript|graphql|sql)\b/i;

/** application/json, application/problem+json, text/json… */
export const JSON_TYPE = /[/+]json\b/i;

/** Error bodies: the JSON envelope when it parses, else the text (errorFromResponse copes with both). */
function errorBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** JSON.parse with a typed error carrying what a bug report needs: status, content type, first bytes. */
export function parseJson(response: Response, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const contentType = response.headers.get("content-type") ?? "";
    const bodyPreview = text.slice(0, PREVIEW);
    throw new ResponseParseError(`${response.status} response body is not valid JSON (${contentType || "no content type"}): ${JSON.stringify(bodyPreview)}`, {
      status: response.status,
      requestId: response.headers.get("x-request-id") ?? undefined,
      headers: response.headers,
      contentType,
      bodyPreview,
      cause,
    });
  }
}
