/** JSON pointers of the non-finite numbers in a parsed value (a bundle's document). */
export function nonFinitePointers(value: unknown): string[];

export interface NonFiniteSource {
  file: string;
  line: number;
  col: number;
  pointer: string;
  /** The number as the file writes it (`.inf`, `1e999`). */
  text: string;
}

/** The non-finite numbers' pointers in a YAML text (a bundle); [] when it has none or does not parse. */
export function nonFiniteInYaml(text: string): string[];

/** Each non-finite number in the spec's own files under `dir` (outside dist/ and node_modules/). */
export function nonFiniteInSources(dir: string, cwd?: string): NonFiniteSource[];

/** One line per non-finite number: at its source file and line, else at the bundle's pointer. */
export function nonFiniteMessages(bundlePointers: string[], sources: NonFiniteSource[], bundleName: string): string[];

export const NON_FINITE_WHY: string;
