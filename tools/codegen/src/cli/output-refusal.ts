import { terminalText } from "../terminal-text.mjs";
import { foreignFiles } from "./output-folder.js";
import { inputInOutput } from "./output-guard.js";

/**
 * Why the output folder must not be replaced, as the error line to print, or undefined. An input
 * inside it is refused always (--clean included: the spec would be gone); files the generator did
 * not write only when `checkForeign` (a standalone run without --clean). Refusing beats carrying
 * a user's files over into the new folder: a copy is not the file (links, open editors, a big
 * tree), and a clear error keeps "nothing deleted" simple to check.
 */
export function outputRefusal(spec: string, out: string, checkForeign: boolean): string | undefined {
  const shownOut = terminalText(out, true);
  const input = inputInOutput(spec, out);
  if (input) {
    const what = input.isSpec ? `the spec ${terminalText(input.file, true)}` : `${terminalText(input.file, true)}, which the spec $refs`;
    return `--out ${shownOut} holds ${what}; replacing the folder would delete it, so pick another output folder`;
  }
  const foreign = checkForeign ? foreignFiles(out) : [];
  if (foreign.length === 0) return undefined;
  const shown = foreign.slice(0, 5).map((f) => terminalText(f, true)).join(", ") + (foreign.length > 5 ? `, … (${foreign.length} in all)` : "");
  return `--out ${shownOut} holds files the generator did not write (${shown}) and would be emptied; move them out, pick a new folder, or pass --clean to replace it`;
}
