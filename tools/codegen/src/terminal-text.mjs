// Plain JS (with terminal-text.d.mts) so the repo's .mjs scripts use the same rule as the TypeScript CLIs.
/**
 * Text bound for a terminal. Progress, warnings and errors quote spec text (titles, names, JSON
 * pointers, values); a spec must not be able to recolour the output, move the cursor, set the
 * window title, overwrite earlier lines or reorder what is shown. Every control character is
 * shown as an escape (`\u001b`): ESC and the other C0 controls, DEL, C1 (U+009B alone is a CSI),
 * U+2028/U+2029, bidirectional controls and lone surrogates. Tabs stay; line feeds stay in
 * multi-line text and are escaped in `oneLine` text, where a spec could otherwise forge a line of
 * its own ("codegen: done", or a GitHub workflow command such as `::error::` in a CI log).
 *
 * Multi-line text keeps its line feeds, so it must hold none from a spec: messages that quote a
 * spec are built with `message` (or are one line, `messageText`), and every line of them starts
 * with the tool's own text.
 */
const CONTROLS = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const CONTROLS_AND_LF = /[\0-\x08\n-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `text` with every control character shown as an escape; `oneLine` escapes line feeds too. */
export function terminalText(text, oneLine = false) {
  return text.replace(oneLine ? CONTROLS_AND_LF : CONTROLS, escape);
}

// A brand rather than instanceof: the CLIs may load this module twice (src/ and dist/).
const MESSAGE = Symbol.for("specforge.message");

/**
 * A message whose line structure is the tool's own: built by `message` (spec text quoted one line
 * each), or text that holds no spec text at all (`new Message(text)`, e.g. a message passed on).
 */
export class Message {
  constructor(text) {
    this.text = text;
    this[MESSAGE] = true;
  }
  toString() {
    return this.text;
  }
}

const isMessage = (v) => v !== null && typeof v === "object" && v[MESSAGE] === true;

/**
 * The one way spec text enters a multi-line message: a template whose literal parts are the
 * tool's (their line breaks stay) and whose every `${value}` is quoted on one line (line feeds,
 * CR, U+2028/U+2029 and the other controls escaped as in `terminalText(value, true)`). A value that
 * is itself a `Message` is kept as built. A line of the message must start with literal text.
 *
 *   message`${n} $ref targets not found:${list}`   // list: a Message of "\n  - …" lines
 */
export function message(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += quoteValue(values[i]) + strings[i + 1];
  return new Message(out);
}

function quoteValue(v) {
  if (isMessage(v)) return v.text;
  if (Array.isArray(v)) return v.map(quoteValue).join("");
  return terminalText(String(v), true);
}

/**
 * The text of a problem: a `Message` as built; any other string is taken to quote a spec and is
 * shown on one line (its line terminators and controls escaped). So a plain-string message can
 * never add a line, and only `message` templates are multi-line.
 */
export function messageText(problem) {
  return isMessage(problem) ? problem.text : terminalText(String(problem), true);
}

/**
 * An unexpected error for a terminal: its head (`Name: message`, which may quote anything) on one
 * line, then the stack frames (the tool's own code, one `    at …` line each).
 */
export function errorText(err) {
  if (!(err instanceof Error)) return terminalText(String(err), true);
  const head = String(err);
  const stack = typeof err.stack === "string" ? err.stack : head;
  const frames = stack.startsWith(head) ? stack.slice(head.length) : "";
  return terminalText(head, true) + terminalText(frames.replace(/\n(?! {4}at )/g, "\\u000a"));
}
