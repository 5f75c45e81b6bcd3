// Plain JS (with terminal-text.d.mts) so the repo's .mjs scripts use the same rule as the TypeScript CLIs.
/**
 * Text bound for a terminal. Progress, warnings and errors quote spec text (titles, names, JSON
 * pointers, values); a spec must not be able to recolour the output, move the cursor, set the
 * window title, overwrite earlier lines or reorder what is shown. Every control character is
 * shown as an escape (`\u001b`): ESC and the other C0 controls, DEL, C1 (U+009B alone is a CSI),
 * U+2028/U+2029, bidirectional controls and lone surrogates. Tabs stay; line feeds stay in
 * multi-line text and are escaped in `oneLine` text, where a spec could otherwise forge a line of
 * its own ("codegen: done").
 */
const CONTROLS = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const CONTROLS_AND_LF = /[\0-\x08\n-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `text` with every control character shown as an escape; `oneLine` escapes line feeds too. */
export function terminalText(text, oneLine = false) {
  return text.replace(oneLine ? CONTROLS_AND_LF : CONTROLS, escape);
}
