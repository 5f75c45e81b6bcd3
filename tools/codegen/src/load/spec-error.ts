import { messageText, terminalText, type Message } from "../terminal-text.mjs";
import type { IRWarning } from "../ir/types.js";

export { Message, message } from "../terminal-text.mjs";

/**
 * A problem in the input spec, located by file and JSON pointer so a user can find it.
 *
 * Its message quotes the spec (file names a `$ref` made up, pointers through its keys, names and
 * values) and is printed as is by the CLIs, whose output may be a CI log where a line starting
 * with `::` is a command. So spec text enters here under one rule: the file and pointer are shown
 * on one line (line terminators and controls escaped), and so is a plain-string `problem`; only a
 * `message` template keeps line breaks, its own (each line starting with the tool's text).
 * `pointer` and `problem` hold what is shown; `file` is the path as given.
 */
export class SpecError extends Error {
  override name = "SpecError";
  readonly pointer: string;
  readonly problem: string;
  constructor(
    readonly file: string,
    pointer: string,
    problem: string | Message,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    const shownPointer = terminalText(pointer, true);
    const shownProblem = messageText(problem);
    super(`${terminalText(file, true)}${line ? `:${line}` : ""}${pointer ? ` at ${shownPointer}` : ""}: ${shownProblem}`, options);
    this.pointer = shownPointer;
    this.problem = shownProblem;
  }
}

/**
 * A warning of the model or an emitter. Warnings are one line each and quote the spec (pointers
 * through its keys, its names, patterns and values): both fields are shown on one line, under the
 * rule of SpecError, whoever prints them.
 */
export function specWarning(pointer: string, problem: string): IRWarning {
  return { pointer: terminalText(pointer, true), message: messageText(problem) };
}

/** RFC 6901 encoding of one reference token. */
export function escapePointerToken(token: string): string {
  // Most tokens need no escaping; this runs for every node of the model.
  if (!token.includes("~") && !token.includes("/")) return token;
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  let out = base;
  for (const t of tokens) out += "/" + (typeof t === "number" ? String(t) : escapePointerToken(t));
  return out;
}

/** Splits "#/a/b~1c" (or "/a/b") into decoded tokens; URI percent-encoding is undone first. */
export function parsePointer(pointer: string): string[] {
  let p = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (p === "" || p === "/") return p === "/" ? [""] : [];
  try {
    p = decodeURIComponent(p);
  } catch {
    // Keep the raw text: a literal "%" in a key is legal in a JSON pointer.
  }
  return p
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Follows a pointer inside a parsed document; undefined when any step is missing. */
export function getAtPointer(doc: unknown, tokens: string[]): unknown {
  let cur: unknown = doc;
  for (const t of tokens) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (Array.isArray(cur)) {
      const i = Number(t);
      if (!Number.isInteger(i)) return undefined;
      cur = cur[i];
    } else {
      if (!Object.prototype.hasOwnProperty.call(cur, t)) return undefined;
      cur = (cur as Record<string, unknown>)[t];
    }
  }
  return cur;
}
