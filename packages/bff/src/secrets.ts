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
 * base64url. Encodings equal to the value add nothing; short ones would mangle ordinary text.
 */
function encodings(value: string): string[] {
  const b64 = Buffer.from(value).toString("base64");
  const forms = [value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2), b64, b64.replace(/=+$/, ""), Buffer.from(value).toString("base64url")];
  return forms.filter((f) => f.length >= 8);
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
