import type { SpecDiffResult } from "../run.js";
import { jsonText } from "../inert-text.js";

/** Machine output: the whole result, every change whatever the mode (values as they are, invisible characters escaped). */
export function renderJson(r: SpecDiffResult): string {
  return jsonText(r, 2) + "\n";
}
