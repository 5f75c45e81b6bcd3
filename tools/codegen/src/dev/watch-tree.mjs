// Watches a folder tree with one non-recursive fs.watch per directory.
//
// Why not fs.watch(dir, { recursive: true }): on Linux, Node 20 implements it with a watcher per
// file, and a file replaced by a rename — how editors and `sed -i` save — is never reported
// again. A directory watch (inotify on the directory) sees every save, however it is done.
//
// Plain JavaScript: tools/scripts/dev.mjs (plain node) uses it too.
import { readdirSync, statSync, watch } from "node:fs";
import { join, relative } from "node:path";

/**
 * @param {string} root
 * @param {{ ignore?: (relPath: string) => boolean, onChange: (relPath: string) => void }} options
 *   relPath uses "/" and is relative to root; `ignore` also prunes directories
 * @returns {{ close(): void }}
 */
export function watchTree(root, { ignore = () => false, onChange }) {
  const watchers = new Map();
  const rel = (abs) => relative(root, abs).split("\\").join("/");
  const isDir = (abs) => {
    try {
      return statSync(abs).isDirectory();
    } catch {
      return false;
    }
  };
  const add = (dir) => {
    if (watchers.has(dir) || (dir !== root && ignore(rel(dir)))) return;
    let w;
    try {
      w = watch(dir, (_event, name) => {
        if (!name) return;
        const abs = join(dir, String(name));
        const path = rel(abs);
        if (ignore(path)) return;
        if (isDir(abs)) add(abs);
        onChange(path);
      });
    } catch {
      return; // removed meanwhile
    }
    // The directory itself went away: its parent reports that.
    w.on("error", () => {
      w.close();
      watchers.delete(dir);
    });
    watchers.set(dir, w);
    let entries = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // removed meanwhile
    }
    for (const e of entries) if (e.isDirectory()) add(join(dir, e.name));
  };
  add(root);
  return {
    close() {
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
