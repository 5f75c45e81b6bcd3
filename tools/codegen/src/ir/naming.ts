import { identifier, identifierCharsOf, isIdentifierName } from "../emit/inert.js";

/**
 * Deterministic, valid TypeScript identifiers for any name a spec may use: `200`, `foo-bar`,
 * `Pet-Status`, `$ref`, `user.created`, unicode. Collisions are resolved by the order names are
 * handed in (document order), so the same spec always gives the same identifiers.
 */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of async await never unknown object undefined bigint infer " +
    "keyof readonly unique satisfies accessor arguments eval"
  ).split(" "),
);

/** Globals that generated modules use; a type or value with one of these names would shadow it. */
const GLOBALS = new Set(
  (
    "Array Object String Number Boolean Date Error Promise Record Response Request Headers Blob File FormData " +
    "Partial Required Readonly Pick Omit Exclude Extract NonNullable ReturnType Parameters Map Set WeakMap Symbol " +
    "JSON Math URL URLSearchParams Function ReadableStream AbortSignal AbortController Uint8Array ArrayBuffer " +
    "RegExp BigInt Infinity NaN Awaited Iterable AsyncIterable Event RequestInit HeadersInit BodyInit"
  ).split(" "),
);

/** Splits a name into words at separators, case changes and letter/digit boundaries. */
export function words(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    // "HTTPResponse" → HTTP Response, but a lone capital stays with its word: "OAuth", "iOS".
    .replace(/(\p{Lu}\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export function pascalCase(name: string): string {
  const out = identifierCharsOf(words(name).map(cap).join(""));
  return fixStart(out || "Anonymous");
}

export function camelCase(name: string): string {
  const ws = words(name).map(identifierCharsOf).filter(Boolean);
  if (ws.length === 0) return "anonymous";
  const first = ws[0]!;
  // An all-caps first word (GET, HTTP) reads as one token: lower it whole.
  const head = first === first.toUpperCase() ? first.toLowerCase() : first.charAt(0).toLowerCase() + first.slice(1);
  const out = head + ws.slice(1).map(cap).join("");
  return fixStart(out);
}

/** Only characters TypeScript accepts in identifiers (its Unicode tables, not the engine's), starting with one that may start it. */
function fixStart(text: string): string {
  const ident = identifierCharsOf(text);
  return isIdentifierName(ident) ? ident : `_${ident}`;
}

/** Hands out unique identifiers; the first comer keeps the plain form. */
export class IdentifierPool {
  private readonly taken = new Set<string>();
  /** `forProperties`: names used as object keys, where reserved words are fine (`api.users.delete`). */
  constructor(private readonly mode: "identifiers" | "properties" | "globals" = "identifiers") {}

  claim(base: string): string {
    let ident = base;
    if ((this.mode !== "properties" && RESERVED.has(ident)) || (this.mode === "globals" && GLOBALS.has(ident))) ident = `${ident}_`;
    let candidate = ident;
    for (let i = 2; this.taken.has(candidate); i++) candidate = `${ident}${i}`;
    this.taken.add(candidate);
    return identifier(candidate);
  }

  reserve(ident: string): void {
    this.taken.add(ident);
  }
}
