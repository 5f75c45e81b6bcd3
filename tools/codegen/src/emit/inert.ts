/**
 * The one way spec text reaches generated code. Specs come from others (a vendor, a pull request)
 * and the generated modules are imported by every consumer, test run and CI job, so every string
 * read from a spec — titles, descriptions, names, values, patterns, URLs — is written through one
 * of these helpers, and nothing else writes spec text into output. Each makes the text inert where
 * it lands: it cannot end the comment or literal it sits in, start a line of code, or make the code
 * read differently from what it does (invisible and bidirectional-control characters are escaped).
 */
import { createRequire } from "node:module";

/** JavaScript's line terminators: a `//` comment ends at any of them. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/**
 * Written as `\uXXXX` wherever they occur: C0 controls but tab and line feed (which have a meaning
 * in source; callers break lines themselves), DEL and C1 (terminal controls), U+2028/U+2029 (line
 * terminators), bidirectional controls and marks (Trojan Source), the zero-width no-break space,
 * and lone surrogates (not text: UTF-8 cannot carry them).
 */
const INVISIBLE = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escapeUnit = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** One line of comment text: nothing invisible, no comment terminator (so it is safe in line and block comments alike). */
function commentLine(line: string): string {
  return line.replace(INVISIBLE, escapeUnit).replace(/\*\//g, "*\\/");
}

/** Text of a `//` comment: one line (line breaks become spaces), nothing that ends a comment. */
export function commentText(text: string): string {
  return text.split(LINE_BREAK).map(commentLine).join(" ");
}

/** Text as the lines of a JSDoc block: split at every line terminator, each line inert, trailing space trimmed. */
export function jsDocText(text: string): string[] {
  return text.split(LINE_BREAK).map((l) => commentLine(l).replace(/\s+$/, ""));
}

/** A JSDoc block of `lines` (each may hold spec text, line breaks included); "" when there is nothing to say. */
export function jsDoc(lines: string[], indent: string): string {
  const safe = lines.flatMap(jsDocText);
  while (safe.length && safe[safe.length - 1] === "") safe.pop();
  if (safe.length === 0) return "";
  if (safe.length === 1) return `${indent}/** ${safe[0]} */`;
  return [`${indent}/**`, ...safe.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`].join("\n");
}

/**
 * A string literal: double-quoted (never a template, so `${` and backticks are plain text), quotes,
 * backslashes, controls and lone surrogates escaped (JSON's rules), and the invisible characters too.
 */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(INVISIBLE, escapeUnit);
}

const ASCII_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Integers written bare as keys and indexes (`200`): canonical, so the key is the same text (`0200` would be octal). */
const CANONICAL_INDEX = /^(?:0|[1-9]\d{0,14})$/;

/**
 * A property key of an object literal or a type member. `bare` (default): bare when an ASCII
 * identifier, else quoted; `quoted`: always quoted; `numeric`: bare when a canonical integer (as
 * openapi-typescript writes statuses: `200`), else quoted. `__proto__` is always computed
 * (`["__proto__"]`): bare or quoted in an object literal it sets the prototype instead.
 */
export function propertyKey(name: string, style: "bare" | "quoted" | "numeric" = "bare"): string {
  if (name === "__proto__") return `["__proto__"]`;
  if (style === "bare" && ASCII_IDENTIFIER.test(name)) return name;
  if (style === "numeric" && CANONICAL_INDEX.test(name)) return name;
  return stringLiteral(name);
}

/** A key inside brackets (`x[200]`, `x["4XX"]`): a canonical integer bare, anything else a string literal. */
export function indexLiteral(name: string): string {
  return CANONICAL_INDEX.test(name) ? name : stringLiteral(name);
}

/** A number from a spec as source: finite values as JavaScript prints them, and the non-finite globals (YAML has `.inf`). */
export function numberLiteral(value: number): string {
  if (typeof value !== "number") throw new TypeError(`not a number: ${typeof value}`);
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  return Object.is(value, -0) ? "0" : String(value);
}

/**
 * A JSON value as source on one line (`{ id: "listUsers", tags: ["Users"] }`), strings and keys
 * through the helpers above; key order as given; non-finite numbers (not JSON) become `null`.
 */
export function valueLiteral(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? numberLiteral(value) : "null";
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(valueLiteral).join(", ")}]`;
  if (typeof value !== "object") throw new TypeError(`not a JSON value: ${typeof value}`);
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${valueLiteral(v)}`).join(", ")} }`;
}

/** The type TypeScript gives `valueLiteral(value) as const`, for declaration files. */
export function constType(value: unknown): string {
  if (value === undefined || value === null || typeof value === "boolean") return String(value);
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? numberLiteral(value) : "null";
  if (Array.isArray(value)) return `readonly [${value.map(constType).join(", ")}]`;
  if (typeof value !== "object") throw new TypeError(`not a JSON value: ${typeof value}`);
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `readonly ${propertyKey(k)}: ${constType(v)}`).join("; ")} }`;
}

/**
 * A regular expression from a spec's `pattern`: `new RegExp("<source>", "<flags>")`. A string
 * literal cannot end early or smuggle code the way a `/…/` literal's text could, and tsc does not
 * re-check the syntax with rules of its own.
 */
export function regexExpression(source: string, flags: string): string {
  return `new RegExp(${stringLiteral(source)}, ${stringLiteral(flags)})`;
}

/**
 * Text printed by a generator that already quotes strings and escapes comments (openapi-typescript):
 * the invisible characters it leaves raw (in comments, some string literals) are written as `\uXXXX`,
 * which inside a string or template literal is the same character and in a comment is plain text.
 */
export function escapeInvisible(source: string): string {
  return source.replace(INVISIBLE, escapeUnit);
}

// TypeScript's Unicode tables decide non-ASCII identifier characters: the engine's are often newer
// (a letter added last year is an identifier to Node, an error to tsc). Loaded only when needed.
let ts: { isIdentifierStart(ch: number, v: number): boolean; isIdentifierPart(ch: number, v: number): boolean; ScriptTarget: { ESNext: number } } | undefined;
const kinds = new Map<number, 0 | 1 | 2>();

/** 2: may start an identifier, 1: may continue one, 0: neither (TypeScript's rules for ESNext). */
function identifierChar(cp: number): 0 | 1 | 2 {
  if (cp < 0x80) return /[A-Za-z_$]/.test(String.fromCharCode(cp)) ? 2 : /[0-9]/.test(String.fromCharCode(cp)) ? 1 : 0;
  let kind = kinds.get(cp);
  if (kind === undefined) {
    ts ??= createRequire(import.meta.url)("typescript");
    kind = ts!.isIdentifierStart(cp, ts!.ScriptTarget.ESNext) ? 2 : ts!.isIdentifierPart(cp, ts!.ScriptTarget.ESNext) ? 1 : 0;
    kinds.set(cp, kind);
  }
  return kind;
}

/** The characters of `text` that may stand in an identifier (past the first one); the rest are dropped. */
export function identifierCharsOf(text: string): string {
  return ASCII_IDENTIFIER.test(text) ? text : [...text].filter((c) => identifierChar(c.codePointAt(0)!) > 0).join("");
}

/** Whether `name` is an identifier for TypeScript (and so for every engine that runs its output). */
export function isIdentifierName(name: string): boolean {
  if (ASCII_IDENTIFIER.test(name)) return true;
  const cps = [...name].map((c) => c.codePointAt(0)!);
  return cps.length > 0 && identifierChar(cps[0]!) === 2 && cps.every((cp) => identifierChar(cp) > 0);
}

/**
 * A name written where an identifier is expected. Identifiers in generated code come only from
 * the model's IdentifierPool (ir/naming.ts), which builds them from spec names with this module's
 * rules; anything else reaching here is a bug, and throwing beats writing it into code.
 */
export function identifier(name: string): string {
  if (!isIdentifierName(name)) throw new Error(`internal: ${stringLiteral(name)} is not an identifier`);
  return name;
}
