/**
 * Spec text in spec-diff's outputs. Reports quote the spec — paths, names, operationIds, versions,
 * descriptions — and a spec may come from anyone (a pull request), so every format renders that
 * text inert: it cannot recolour a terminal, add a line, inject markdown or HTML into a PR
 * comment or changelog, leave a code span, break an XML document or start a GitHub workflow
 * command. One helper per format; a new output format reuses these rather than quoting by hand.
 */
import { terminalText } from "@specforge/codegen/terminal-text";

/** JavaScript's line terminators and the other characters no output keeps raw. */
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029]/g;
const INVISIBLE = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const escapeUnit = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** One line of plain text: line breaks become spaces, controls, bidi controls and lone surrogates `\uXXXX`. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, " ").replace(INVISIBLE, escapeUnit);
}

/** A cell or value of the terminal report: one line, control characters shown as escapes (codegen's rule). */
export function terminalCell(text: string): string {
  return terminalText(text, true);
}

/**
 * JSON for machines and terminals alike: JSON.stringify leaves DEL, C1 controls, U+2028/U+2029 and
 * bidi controls raw inside strings; they are written as `\uXXXX` (the same JSON value).
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(INVISIBLE, escapeUnit);
}

/** What makes a line a heading, list item, thematic break or setext underline (the rest is escaped inline). */
const BLOCK_START = /^(?:#{1,6}|[+-]|\d{1,9}[.)])(?=\s|$)|^(?:-\s*){3,}$|^=+\s*$|^>/;

/**
 * GitHub turns `@name` into a mention (a notification) and `#12` or `owner/repo#12` into a
 * cross-reference (an event in that issue) in the rendered text, after markdown: a backslash does
 * not stop it, a word joiner (U+2060, invisible) after the `@` or `#` does.
 */
const REFERENCE = /[@#](?=[\p{L}\p{N}_-])/gu;

/**
 * Markdown inline text (CommonMark/GFM): one line, and every character that could open markup —
 * HTML or an autolink (`<`), a link, image or footnote (`[`), emphasis, code, strikethrough, an
 * entity, a table cell boundary, math — backslash-escaped; a text that would start a block at the
 * beginning of a line has that marker escaped too. Renders as exactly the text, and reads almost
 * as it (`1.0.0`, `/users/{id}`, `a-b` and `body[].email` need one backslash at most). Mentions
 * and issue references stay text (see REFERENCE).
 */
export function markdownText(text: string): string {
  const inline = oneLine(text).replace(/[\\`*_[<|~&$]/g, "\\$&").replace(REFERENCE, "$&\u2060");
  if (!BLOCK_START.test(inline)) return inline;
  const digits = /^\d+/.exec(inline)?.[0].length ?? 0;
  return `${inline.slice(0, digits)}\\${inline.slice(digits)}`;
}

/**
 * A markdown code span holding any text: opened and closed by one backtick more than the longest
 * run inside, padded with a space when the text starts or ends with a backtick or a space (so
 * CommonMark's stripping gives the text back). `table`: inside a GFM table a `|` ends the cell even
 * in a code span, so it is written `\|` there (GFM removes that backslash in table cells).
 */
export function markdownCodeSpan(text: string, table = false): string {
  let body = oneLine(text);
  if (body === "") return "` `"; // an empty code span does not exist in CommonMark
  if (table) body = body.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) && body.trim() !== "" ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A markdown table cell of plain text. */
export function markdownTableCell(text: string): string {
  return markdownText(text);
}

/**
 * XML 1.0 text and attribute values (JUnit reports): markup characters as entities, line breaks
 * and tabs as character references (attribute values would normalise them away), and what XML 1.0
 * cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) — and C1, U+2028/U+2029
 * and bidi controls, which CI viewers would render — as `\uXXXX` text.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, escapeUnit)
    .replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c]!);
}

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/**
 * The message of a GitHub workflow command (`::error …::<message>`), by GitHub's own rules
 * (@actions/core escapeData): `%`, CR and LF percent-encoded, so the message cannot end the line
 * and start a command of its own; other controls as `\uXXXX` (the log viewer reads ANSI escapes).
 */
export function workflowCommandMessage(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(INVISIBLE, escapeUnit);
}

/** A property of a workflow command (`file=…,title=…`): the message's rules plus `:` and `,` (escapeProperty). */
export function workflowCommandProperty(text: string): string {
  return workflowCommandMessage(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** A whole workflow command line: `::error file=a%2Cb,title=x::message`. */
export function workflowCommand(command: "error" | "warning" | "notice", properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${workflowCommandProperty(v)}`).join(",");
  return `::${command}${props ? ` ${props}` : ""}::${workflowCommandMessage(message)}`;
}
