/**
 * Byte helpers built only on web platform globals (btoa/atob, TextEncoder, crypto) so the same code
 * runs in browsers, workers and Node without Buffer.
 */
const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

export function base64Encode(bytes: Uint8Array): string {
  let bin = "";
  // Chunked to stay clear of argument-count limits of String.fromCharCode on big inputs.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

export function base64Decode(text: string): Uint8Array<ArrayBuffer> {
  const normalized = text.replace(/-/g, "+").replace(/_/g, "/");
  const padded = normalized + "=".repeat((4 - (normalized.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

export function base64UrlEncode(bytes: Uint8Array): string {
  return base64Encode(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function hexEncode(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/** Returns undefined for malformed hex instead of throwing: a bad signature is just "no match". */
export function hexDecode(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) return undefined;
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/**
 * Compares in time that depends only on the lengths, never on where the first difference is, so
 * signature checks leak nothing useful to a timing attacker.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  const len = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < len; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * UUID v4. Browsers expose crypto.randomUUID only in secure contexts (https, localhost), while
 * getRandomValues works everywhere, so plain-http pages fall back to building one by hand.
 */
export function randomId(): string {
  const c = globalThis.crypto;
  if (c.randomUUID) return c.randomUUID();
  // Each 0 and 1 becomes a random hex digit, 8 one of 8-b (variant bits 10), 4 stays (version 4).
  return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (d) => (+d ^ (c.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+d / 4)))).toString(16));
}
