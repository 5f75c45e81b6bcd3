/**
 * A parser for the part of ECMAScript regular expressions that string generation needs:
 * alternation, groups (capturing, non-capturing, named), classes with ranges and negation,
 * escapes (see regex-escape.ts), `.`, quantifiers (? * + {m} {m,} {m,n}, lazy or greedy),
 * anchors and back-references. Lookarounds, anchors and \b parse but generate nothing: the
 * caller always checks a generated string against the real RegExp.
 */
import { Cursor, LINE, complementAscii, readEscape, type Ranges, type SetNode } from "./regex-escape.js";

export type RNode =
  | SetNode
  | { t: "seq"; items: RNode[] }
  | { t: "alt"; options: RNode[] }
  | { t: "rep"; node: RNode; min: number; max: number }
  | { t: "group"; node: RNode; index: number }
  | { t: "backref"; index: number }
  | { t: "empty" };

export class RegexSyntaxError extends Error {}

export function parseRegex(source: string): RNode {
  const cur = new Cursor(source);
  let groups = 0;
  const fail = (msg: string): never => {
    throw new RegexSyntaxError(`${msg} at ${cur.i} in /${source}/`);
  };

  const charClass = (): RNode => {
    const negate = cur.peek() === "^";
    if (negate) cur.i++;
    const ranges: Ranges = [];
    while (!cur.eof() && cur.peek() !== "]") {
      let lo: number;
      if (cur.peek() === "\\") {
        cur.i++;
        const e = readEscape(cur, true);
        if (typeof e !== "number") {
          if (e.t === "set") ranges.push(...(e.negate ? complementAscii(e.ranges) : e.ranges));
          continue;
        }
        lo = e;
      } else lo = cur.codePoint();
      if (cur.peek() === "-" && cur.peek(1) !== undefined && cur.peek(1) !== "]") {
        cur.i++;
        let hi = lo;
        if (cur.peek() === "\\") {
          cur.i++;
          const e = readEscape(cur, true);
          if (typeof e === "number") hi = e;
        } else hi = cur.codePoint();
        ranges.push([Math.min(lo, hi), Math.max(lo, hi)]);
      } else ranges.push([lo, lo]);
    }
    if (cur.eof()) fail("unterminated character class");
    cur.i++;
    return { t: "set", ranges, negate };
  };

  const group = (): RNode => {
    let capture = true;
    let look = false;
    if (cur.peek() === "?") {
      const next = cur.peek(1);
      const after = cur.peek(2);
      if (next === ":") (cur.i += 2), (capture = false);
      else if (next === "=" || next === "!") (cur.i += 2), (look = true);
      else if (next === "<" && (after === "=" || after === "!")) (cur.i += 3), (look = true);
      else if (next === "<") cur.i = source.indexOf(">", cur.i) + 1;
      else fail("unsupported group");
    }
    const index = capture && !look ? ++groups : 0;
    const inner = alternation();
    if (cur.peek() !== ")") fail("unterminated group");
    cur.i++;
    return look ? { t: "empty" } : { t: "group", node: inner, index };
  };

  const atom = (): RNode => {
    const c = cur.peek()!;
    if (c === "(") {
      cur.i++;
      return group();
    }
    if (c === "[") {
      cur.i++;
      return charClass();
    }
    if (c === ".") {
      cur.i++;
      return { t: "set", ranges: LINE, negate: true };
    }
    if (c === "^" || c === "$") {
      cur.i++;
      return { t: "empty" };
    }
    if (c === "\\") {
      cur.i++;
      const e = readEscape(cur, false);
      return typeof e === "number" ? { t: "set", ranges: [[e, e]], negate: false } : e;
    }
    const code = cur.codePoint();
    return { t: "set", ranges: [[code, code]], negate: false };
  };

  const quantified = (node: RNode): RNode => {
    const c = cur.peek();
    let min: number;
    let max: number;
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(cur.i));
      if (!m) return node; // a literal "{" (legal without the u flag)
      cur.i += m[0].length - 1;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
    } else return node;
    cur.i++;
    if (cur.peek() === "?") cur.i++; // lazy: same language
    return { t: "rep", node, min, max };
  };

  const sequence = (): RNode => {
    const items: RNode[] = [];
    while (!cur.eof() && cur.peek() !== "|" && cur.peek() !== ")") items.push(quantified(atom()));
    return items.length === 1 ? items[0]! : { t: "seq", items };
  };

  function alternation(): RNode {
    const options = [sequence()];
    while (cur.peek() === "|") {
      cur.i++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0]! : { t: "alt", options };
  }

  const root = alternation();
  if (!cur.eof()) fail("unbalanced )");
  return root;
}
