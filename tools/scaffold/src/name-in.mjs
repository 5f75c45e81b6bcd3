// The API's name goes into copied files of several languages (a package.json description, a
// `/** … */` comment, a README). Pasted raw, a quote or a backslash breaks the JSON, `*/` ends the
// comment early: each file type gets the name in the form its syntax reads back verbatim.
import { markdownText } from "./templates.mjs";

// Line breaks end a `//` comment or a Markdown paragraph: a name is one line wherever it lands.
const oneLine = (name) => name.replace(/[\r\n\u2028\u2029]+/g, " ");

/** `name` as it may appear inside the text of a file at `path` (by its extension). */
export function nameFor(path, name) {
  if (/\.json$/.test(path)) return JSON.stringify(name).slice(1, -1);
  if (/\.md$/.test(path)) return markdownText(name);
  // Source files hold the name in comments only; `*/` would close a block comment.
  if (/\.(ts|mts|cts|mjs|cjs|js)$/.test(path)) return oneLine(name).replace(/\*\//g, "* /");
  return oneLine(name);
}
