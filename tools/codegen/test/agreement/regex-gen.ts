/**
 * A small generator of strings matching common regexes (literals, escapes, classes, groups,
 * alternation, quantifiers, anchors). Returns undefined for syntax it does not handle
 * (lookarounds, backreferences, …); callers verify the result with the real regex anyway.
 */
type Node =
  | { k: "lit"; ch: string }
  | { k: "set"; chars: string[]; negated: boolean }
  | { k: "seq"; items: Node[] }
  | { k: "alt"; options: Node[] }
  | { k: "rep"; node: Node; min: number; max: number };

const DIGITS = "0123456789".split("");
const WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".split("");
const SPACE = [" "];
const PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/ ".split("");

class Unsupported extends Error {}

function parse(src: string): Node {
  let i = 0;
  const peek = () => src[i];
  const escape = (inClass: boolean): string[] => {
    const c = src[i++];
    if (c === undefined) throw new Unsupported();
    switch (c) {
      case "d":
        return DIGITS;
      case "w":
        return WORD;
      case "s":
        return SPACE;
      case "D":
      case "W":
      case "S":
        return ["#"];
      case "n":
        return ["\n"];
      case "t":
        return ["\t"];
      case "r":
        return ["\r"];
      case "b":
        if (inClass) return ["\b"];
        throw new Unsupported();
      case "u": {
        const hex = src.slice(i, i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Unsupported();
        i += 4;
        return [String.fromCharCode(parseInt(hex, 16))];
      }
      case "x": {
        const hex = src.slice(i, i + 2);
        i += 2;
        return [String.fromCharCode(parseInt(hex, 16))];
      }
      default:
        if (/[1-9]/.test(c) || c === "k" || c === "p" || c === "P") throw new Unsupported();
        return [c];
    }
  };
  const klass = (): Node => {
    let negated = false;
    if (peek() === "^") {
      negated = true;
      i++;
    }
    const chars: string[] = [];
    let first = true;
    while (i < src.length && (peek() !== "]" || first)) {
      first = false;
      let from: string[];
      if (peek() === "\\") {
        i++;
        from = escape(true);
      } else from = [src[i++]!];
      if (peek() === "-" && src[i + 1] !== "]" && src[i + 1] !== undefined && from.length === 1) {
        i++;
        let to: string[];
        if (peek() === "\\") {
          i++;
          to = escape(true);
        } else to = [src[i++]!];
        const a = from[0]!.charCodeAt(0);
        const b = to[0]!.charCodeAt(0);
        for (let c = a; c <= b && c - a < 200; c++) chars.push(String.fromCharCode(c));
      } else chars.push(...from);
    }
    if (peek() !== "]") throw new Unsupported();
    i++;
    return { k: "set", chars, negated };
  };
  const atom = (): Node | undefined => {
    const c = src[i++]!;
    switch (c) {
      case "(": {
        if (peek() === "?") {
          if (src[i + 1] === ":") i += 2;
          else if (src[i + 1] === "<" && src[i + 2] !== "=" && src[i + 2] !== "!") {
            const end = src.indexOf(">", i);
            i = end + 1;
          } else throw new Unsupported();
        }
        const inner = alt();
        if (src[i++] !== ")") throw new Unsupported();
        return inner;
      }
      case "[":
        return klass();
      case ".":
        return { k: "set", chars: PRINTABLE, negated: false };
      case "\\":
        return { k: "set", chars: escape(false), negated: false };
      case "^":
      case "$":
        return undefined;
      default:
        return { k: "lit", ch: c };
    }
  };
  const quant = (n: Node): Node => {
    const c = peek();
    let min: number;
    let max: number;
    if (c === "*") [min, max, i] = [0, 3, i + 1];
    else if (c === "+") [min, max, i] = [1, 3, i + 1];
    else if (c === "?") [min, max, i] = [0, 1, i + 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return n;
      i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? min + 3 : Number(m[3]);
    } else return n;
    if (peek() === "?" || peek() === "+") i++;
    return { k: "rep", node: n, min, max };
  };
  const seq = (): Node => {
    const items: Node[] = [];
    while (i < src.length && peek() !== "|" && peek() !== ")") {
      const a = atom();
      if (a) items.push(quant(a));
    }
    return { k: "seq", items };
  };
  const alt = (): Node => {
    const options = [seq()];
    while (peek() === "|") {
      i++;
      options.push(seq());
    }
    return options.length === 1 ? options[0]! : { k: "alt", options };
  };
  const root = alt();
  if (i < src.length) throw new Unsupported();
  return root;
}

function emit(n: Node, rnd: () => number, pick: "min" | "mid"): string {
  switch (n.k) {
    case "lit":
      return n.ch;
    case "set": {
      if (n.negated) {
        const ok = PRINTABLE.filter((c) => !n.chars.includes(c));
        return ok[Math.floor(rnd() * ok.length)] ?? "#";
      }
      return n.chars[Math.floor(rnd() * n.chars.length)] ?? "a";
    }
    case "seq":
      return n.items.map((x) => emit(x, rnd, pick)).join("");
    case "alt":
      return emit(n.options[Math.floor(rnd() * n.options.length)]!, rnd, pick);
    case "rep": {
      const count = pick === "min" ? Math.max(n.min, Math.min(n.max, 1)) : n.min + Math.floor(rnd() * (n.max - n.min + 1));
      let out = "";
      for (let k = 0; k < count; k++) out += emit(n.node, rnd, pick);
      return out;
    }
  }
}

/** Strings matching `pattern` (checked with the u flag, as Ajv does), or [] when it cannot make one. */
export function stringsMatching(pattern: string, rnd: () => number, want = 3): string[] {
  let re: RegExp;
  try {
    re = new RegExp(pattern, "u");
  } catch {
    return [];
  }
  const out = new Set<string>();
  let tree: Node | undefined;
  try {
    tree = parse(pattern);
  } catch {
    tree = undefined;
  }
  for (let attempt = 0; tree && attempt < 20 && out.size < want; attempt++) {
    const s = emit(tree, rnd, attempt === 0 ? "min" : "mid");
    if (re.test(s)) out.add(s);
  }
  for (const s of ["", "a", "abc", "A1", "123", "a-b", "x_y", "2024-01-01"]) if (out.size < want && re.test(s)) out.add(s);
  return [...out];
}
