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

/** Whether a spec text may hold a non-finite number; false means it surely holds none. */
export function mayHoldNonFinite(text: string): boolean;

/** Where to fix a non-finite number: a source file's line and column, or (without them) a bundle's pointer. */
export interface NonFiniteFinding {
  file: string;
  line?: number;
  col?: number;
  pointer: string;
  message: string;
}

/** The bundle's non-finite numbers at their source file and line under `dir`, else at `bundleFile`'s pointer. */
export function nonFiniteFindings(bundlePointers: string[], dir: string, cwd: string, bundleFile: string): NonFiniteFinding[];

/** A finding as one line: `file:line:col #pointer: message`. */
export function formatNonFinite(finding: NonFiniteFinding): string;

export const NON_FINITE_WHY: string;
