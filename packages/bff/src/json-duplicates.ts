/**
 * Finds the first duplicate key in a JSON text that JSON.parse accepted, as a JSON pointer
 * (RFC 6901: `/role`, `/items/0/sku`), or undefined when every object's keys are distinct.
 *
 * JSON.parse keeps the last of two equal keys; many parsers an API may use keep the first. The
 * proxy validates what it parsed and forwards the bytes it received, so a body with both would be
 * checked as one value and acted on as the other. One pass over the text, no second parser:
 * structural characters outside strings open and close objects and arrays; a string right after
 * `{` or `,` in an object is a key (decoded only when it has escapes, so `"r\u006fle"` is `role`);
 * every other string (values, array elements) is skipped whole.
 */
export function findDuplicateKey(text: string): string | undefined {
  // One frame per open object or array: an object's keys so far and the key whose value is being
  // read; an array's current index.
  const stack: Array<{ keys: Set<string>; key: string } | { index: number }> = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const top = stack[stack.length - 1] as { keys: Set<string>; key: string };
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.keys.has(key)) return pointer(stack, key);
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      stack.push({ keys: new Set(), key: "" });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push({ index: 0 });
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top && "index" in top) top.index++;
      else expectKey = true;
    }
  }
  return undefined;
}

/** Index of the quote closing the string that opens at `start` (an unescaped `"`). */
function stringEnd(text: string, start: number): number {
  let at = start;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return text.length;
    // Escaped when preceded by an odd number of backslashes.
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return at;
  }
}

const escapeToken = (t: string): string => t.replace(/~/g, "~0").replace(/\//g, "~1");

function pointer(stack: ReadonlyArray<{ keys: Set<string>; key: string } | { index: number }>, key: string): string {
  let out = "";
  for (let d = 0; d < stack.length - 1; d++) {
    const f = stack[d]!;
    out += "/" + ("index" in f ? String(f.index) : escapeToken(f.key));
  }
  return `${out}/${escapeToken(key)}`;
}
