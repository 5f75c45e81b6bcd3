/** A problem in the input spec, located by file and JSON pointer so a user can find it. */
export class SpecError extends Error {
  override name = "SpecError";
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly problem: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(`${file}${line ? `:${line}` : ""}${pointer ? ` at ${pointer || "#"}` : ""}: ${problem}`, options);
  }
}

/** RFC 6901 encoding of one reference token. */
export function escapePointerToken(token: string): string {
  // Most tokens need no escaping; this runs for every node of the model.
  if (!token.includes("~") && !token.includes("/")) return token;
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  let out = base;
  for (const t of tokens) out += "/" + (typeof t === "number" ? String(t) : escapePointerToken(t));
  return out;
}

/** Splits "#/a/b~1c" (or "/a/b") into decoded tokens; URI percent-encoding is undone first. */
export function parsePointer(pointer: string): string[] {
  let p = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (p === "" || p === "/") return p === "/" ? [""] : [];
  try {
    p = decodeURIComponent(p);
  } catch {
    // Keep the raw text: a literal "%" in a key is legal in a JSON pointer.
  }
  return p
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Follows a pointer inside a parsed document; undefined when any step is missing. */
export function getAtPointer(doc: unknown, tokens: string[]): unknown {
  let cur: unknown = doc;
  for (const t of tokens) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (Array.isArray(cur)) {
      const i = Number(t);
      if (!Number.isInteger(i)) return undefined;
      cur = cur[i];
    } else {
      if (!Object.prototype.hasOwnProperty.call(cur, t)) return undefined;
      cur = (cur as Record<string, unknown>)[t];
    }
  }
  return cur;
}
