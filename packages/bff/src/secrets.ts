import { Buffer } from "node:buffer";

export const REDACTED = "[REDACTED]";
const REDACTED_BYTES = Buffer.from(REDACTED);
/** Tokens obtained at run time (OAuth access tokens) kept for scrubbing; older ones have expired. */
const MAX_DYNAMIC = 8;

/**
 * The values that must never leave the server: configured credentials plus tokens obtained at run
 * time. Everything the proxy sends out (bodies, headers, log lines) goes through `redact`/`stream`,
 * so even an API that echoes a credential back cannot leak it to the browser.
 */
export class SecretSet {
  private readonly fixed: string[];
  private dynamic: string[] = [];
  private needles: Buffer[] = [];
  /** Each value and the encodings an API may echo it in, longest first. */
  private forms: string[] = [];

  constructor(values: Iterable<string | undefined>) {
    this.fixed = [...new Set([...values].filter((v): v is string => typeof v === "string" && v.length > 0))];
    this.rebuild();
  }

  /** Remembers a credential learnt at run time (e.g. a fresh OAuth access token). */
  add(value: string | undefined): void {
    if (!value || this.fixed.includes(value) || this.dynamic.includes(value)) return;
    this.dynamic = [...this.dynamic, value].slice(-MAX_DYNAMIC);
    this.rebuild();
  }

  get values(): readonly string[] {
    return [...this.fixed, ...this.dynamic];
  }

  private rebuild(): void {
    // Longest first, so a secret containing another is replaced whole.
    this.forms = [...new Set(this.values.flatMap(encodings))].sort((a, b) => b.length - a.length);
    this.needles = this.forms.map((v) => Buffer.from(v));
  }

  redact(text: string): string {
    let out = text;
    for (const v of this.forms) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }

  /** Scrubs a whole body; returns the same bytes when there is nothing to hide (the usual case). */
  bytes(body: Uint8Array): Uint8Array {
    let buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    for (const n of this.needles) if (buf.indexOf(n) >= 0) buf = replaceAll(buf, n);
    return buf;
  }

  /**
   * Scrubs a response body on the fly. A chunk is passed on untouched unless it holds a secret;
   * only a tail that could be the start of a secret split across chunks is held back, so an event
   * stream's chunks (ending in a blank line) are never delayed.
   */
  stream(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
    const needles = this.needles;
    if (needles.length === 0) return body;
    let carry: Buffer | undefined;
    return body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          let buf = carry ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          carry = undefined;
          for (const n of needles) if (buf.indexOf(n) >= 0) buf = replaceAll(buf, n);
          const keep = partialTail(buf, needles);
          if (keep === 0) {
            controller.enqueue(buf);
            return;
          }
          // Copy: the held bytes may belong to a buffer the source reuses.
          carry = Buffer.from(buf.subarray(buf.length - keep));
          if (buf.length > keep) controller.enqueue(buf.subarray(0, buf.length - keep));
        },
        flush(controller) {
          if (carry?.length) controller.enqueue(carry);
        },
      }),
    );
  }
}

/**
 * A secret as written, and as an API may echo it: percent-encoded (a request URL in an error
 * message or a Location, where a key placed in the query travels encoded), form-encoded, base64 and
 * base64url; each of those also as a JSON string's content as encoders write it (below). Encodings
 * equal to the value add nothing; short ones would mangle ordinary text.
 */
function encodings(value: string): string[] {
  const b64 = Buffer.from(value).toString("base64");
  const forms = [value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2), b64, b64.replace(/=+$/, ""), Buffer.from(value).toString("base64url")];
  return [...new Set([...forms, ...forms.flatMap(jsonEscaped)])].filter((f) => f.length >= 8);
}

/**
 * Characters encoders write as `\uXXXX` to be safe in HTML, and in which case: Go (`<>&`), Gson
 * (`<>&='`), .NET's default (`<>&'+\``, upper-case), PHP's JSON_HEX_TAG|AMP|APOS (upper-case).
 */
const HTML_ESCAPES: ReadonlyArray<{ chars: string; upper: boolean }> = [
  { chars: "", upper: false },
  { chars: "<>&", upper: false },
  { chars: "<>&='", upper: false },
  { chars: "<>&'+`", upper: true },
  { chars: "<>&'", upper: true },
];
const uEscape = (code: number, upper: boolean): string => {
  const hex = code.toString(16).padStart(4, "0");
  return `\\u${upper ? hex.toUpperCase() : hex}`;
};

/**
 * A value as the content of a JSON string, in the forms common encoders write (JSON.parse in the
 * browser turns each back into the secret): `"` and `\` always escaped (`\"`, or `\u0022`); `/`
 * as is (JavaScript, Python, Go) or `\/` (PHP, some Java and Ruby encoders); characters past ASCII
 * as is or `\uXXXX` per UTF-16 unit, lower-case (PHP, Python) or upper-case hex (.NET); the
 * HTML-sensitive ones as HTML_ESCAPES says. Each choice is made for the whole value: a few dozen
 * forms at most, and only one for a secret of letters, digits, `-` and `_`.
 */
function jsonEscaped(value: string): string[] {
  const forms = new Set<string>();
  for (const slash of [false, true])
    for (const quote of [false, true])
      for (const wide of [0, 1, 2]) // as is, lower-case \u, upper-case \u
        for (const html of HTML_ESCAPES) {
          let out = "";
          for (let i = 0; i < value.length; i++) {
            const c = value[i]!;
            const code = value.charCodeAt(i);
            if (c === '"') out += quote ? "\\u0022" : '\\"';
            else if (c === "\\") out += "\\\\";
            else if (c === "/") out += slash ? "\\/" : "/";
            else if (code < 0x20) out += JSON.stringify(c).slice(1, -1);
            else if (code > 0x7e) out += wide ? uEscape(code, wide === 2) : c;
            else if (html.chars.includes(c)) out += uEscape(code, html.upper);
            else out += c;
          }
          forms.add(out);
        }
  return [...forms];
}

function replaceAll(buf: Buffer, needle: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, from)) {
    parts.push(buf.subarray(from, i), REDACTED_BYTES);
    from = i + needle.length;
  }
  parts.push(buf.subarray(from));
  return Buffer.concat(parts);
}

/** Length of the longest suffix of `buf` that is a proper prefix of some needle. */
function partialTail(buf: Buffer, needles: readonly Buffer[]): number {
  let best = 0;
  for (const n of needles) {
    const max = Math.min(n.length - 1, buf.length);
    for (let k = max; k > best; k--) {
      const start = buf.length - k;
      if (buf[start] === n[0] && buf.compare(n, 0, k, start) === 0) {
        best = k;
        break;
      }
    }
  }
  return best;
}
