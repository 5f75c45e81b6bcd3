// Types of watch-tree.mjs.
export interface WatchTreeOptions {
  /** true for a path (relative to the root, "/"-separated) to leave out; a directory is pruned. */
  ignore?: (relPath: string) => boolean;
  /** Called for every event under the root, with the path relative to it. */
  onChange: (relPath: string) => void;
}

export function watchTree(root: string, options: WatchTreeOptions): { close(): void };
