/** Realistic values for string formats (each valid for ajv-formats' check of the same name). */
import type { Rng } from "./prng.js";
import { FIRST_NAMES, LAST_NAMES } from "./words.js";
import { ownValue } from "./schema.js";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A date in 2024–2025, as [year, month, day]. */
export function dateParts(rng: Rng): [number, number, number] {
  return [rng.int(2024, 2025), rng.int(1, 12), rng.int(1, 28)];
}

export const isoDate = (rng: Rng) => dateParts(rng).map((n, i) => pad(n, i === 0 ? 4 : 2)).join("-");
export const isoTime = (rng: Rng) => `${pad(rng.int(8, 18))}:${pad(rng.pick([0, 15, 30, 45]))}:00`;
export const isoDateTime = (rng: Rng) => `${isoDate(rng)}T${isoTime(rng)}Z`;

export function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[rng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
}

const slugs = new Map<string, string>();

/** "van Rossum" → "van.rossum" (for e-mail addresses, user names, URL paths). */
export function slug(s: string): string {
  let out = slugs.get(s);
  if (out === undefined) slugs.set(s, (out = s.toLowerCase().replace(/[^a-z0-9]+/g, ".").replace(/^\.|\.$/g, "")));
  return out;
}

export function personEmail(rng: Rng): string {
  return `${slug(rng.pick(FIRST_NAMES))}.${slug(rng.pick(LAST_NAMES))}@example.com`;
}

function base64(text: string): string {
  const bytes = Array.from(text, (c) => c.charCodeAt(0) & 255);
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]! + (b === undefined ? "=" : abc[(n >> 6) & 63]!) + (c === undefined ? "=" : abc[n & 63]!);
  }
  return out;
}

const FORMATS: Record<string, (rng: Rng) => string> = {
  "date-time": isoDateTime,
  "iso-date-time": isoDateTime,
  date: isoDate,
  time: (rng) => `${isoTime(rng)}Z`,
  "iso-time": isoTime,
  duration: (rng) => rng.pick(["PT15M", "PT1H30M", "P1D", "P2W", "PT45S"]),
  email: personEmail,
  "idn-email": personEmail,
  uuid,
  guid: uuid,
  uri: (rng) => `https://example.com/resources/${rng.int(100, 999)}`,
  url: (rng) => `https://example.com/resources/${rng.int(100, 999)}`,
  iri: (rng) => `https://example.com/resources/${rng.int(100, 999)}`,
  "uri-reference": (rng) => `/resources/${rng.int(100, 999)}`,
  "iri-reference": (rng) => `/resources/${rng.int(100, 999)}`,
  "uri-template": () => "https://example.com/resources/{id}",
  hostname: (rng) => rng.pick(["api.example.com", "www.example.org", "mail.example.net"]),
  "idn-hostname": () => "api.example.com",
  ipv4: (rng) => `192.0.2.${rng.int(1, 254)}`,
  ipv6: (rng) => `2001:db8::${rng.int(1, 255).toString(16)}`,
  byte: (rng) => base64(rng.pick(["hello world", "specforge", "example payload", "fixture"])),
  binary: () => "binary-content",
  password: () => "correct-horse-battery-staple",
  regex: () => "^[a-z0-9-]+$",
  "json-pointer": () => "/items/0/name",
  "relative-json-pointer": () => "1/name",
  int32: (rng) => String(rng.int(1, 1000)),
  int64: (rng) => String(rng.int(100000, 9999999)),
  decimal: (rng) => `${rng.int(1, 500)}.${pad(rng.int(0, 99))}`,
  double: (rng) => `${rng.int(1, 500)}.${pad(rng.int(0, 99))}`,
  float: (rng) => `${rng.int(1, 500)}.${pad(rng.int(0, 99))}`,
  phone: () => "+14155550123",
  "phone-number": () => "+14155550123",
  color: () => "#1f77b4",
  "ip-address": (rng) => `192.0.2.${rng.int(1, 254)}`,
};

/** A value for a string `format`, or undefined for formats it does not know. */
export function formatValue(format: string, rng: Rng): string | undefined {
  return ownValue(FORMATS, format)?.(rng);
}
