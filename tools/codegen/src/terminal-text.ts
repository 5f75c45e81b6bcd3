/**
 * Text bound for a terminal. Progress, warnings and errors quote spec text (titles, names, JSON
 * pointers, values); a spec must not be able to recolour the output, move the cursor, set the
 * window title or overwrite earlier lines. Every control character is shown as an escape
 * (`\u001b`): ESC and the other C0 controls, DEL, and C1 (U+009B alone is a CSI). Tabs stay; line
 * feeds stay in multi-line text and are escaped in `oneLine` text, where a spec could otherwise
 * forge a line of its own ("codegen: done").
 */
const CONTROLS = /[\0-\x08\x0b-\x1f\x7f-\x9f]/g;
const CONTROLS_AND_LF = /[\0-\x08\n-\x1f\x7f-\x9f]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

export function terminalText(text: string, oneLine = false): string {
  return text.replace(oneLine ? CONTROLS_AND_LF : CONTROLS, escape);
}
