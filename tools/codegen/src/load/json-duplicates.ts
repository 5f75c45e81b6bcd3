import { joinPointer } from "./spec-error.js";

export interface DuplicateKey {
  /** The object holding the key twice. */
  pointer: string;
  key: string;
  /** Where the repeated key is written (0-based offset into the text). */
  offset: number;
}

interface Frame {
  parent: Frame | undefined;
  /** Where the parent holds this container: a key or an index. */
  at: string | number;
  keys: Set<string> | undefined; // undefined: an array
  key: string;
  index: number;
}

function pointerOf(frame: Frame): string {
  const tokens: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) tokens.push(f.at);
  return joinPointer("#", ...tokens.reverse());
}

/**
 * Keys written twice in one object of a JSON text that JSON.parse accepted (so it is well formed):
 * JSON.parse keeps the last silently, losing the first. One pass over the characters; a pointer is
 * only built for a duplicate.
 */
export function jsonDuplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  let top: Frame | undefined;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      let escaped = false;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c) {
          escaped = true;
          j++;
        } else if (d === 0x22) break;
      }
      if (top?.keys) {
        let k = j + 1;
        while (k < n && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x0d || text.charCodeAt(k) === 0x09)) k++;
        if (text.charCodeAt(k) === 0x3a) {
          const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
          if (top.keys.has(key)) found.push({ pointer: pointerOf(top), key, offset: i });
          else top.keys.add(key);
          top.key = key;
        }
      }
      i = j;
    } else if (c === 0x7b || c === 0x5b) {
      const at = top === undefined ? "" : top.keys ? top.key : top.index;
      top = { parent: top, at, keys: c === 0x7b ? new Set() : undefined, key: "", index: 0 };
    } else if (c === 0x7d || c === 0x5d) {
      top = top?.parent;
    } else if (c === 0x2c && top && !top.keys) {
      top.index++;
    }
  }
  return found;
}
