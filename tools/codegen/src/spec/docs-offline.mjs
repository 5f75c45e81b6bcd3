// Second step of `pnpm docs` (spec package): makes the page `redocly build-docs --inlineBundle`
// produced work offline and safe to open whatever the spec's descriptions hold, then moves it
// into place.
//
//   node docs-offline.mjs <built.html> <out.html>     (run by `specforge-spec docs`)
//
// --inlineBundle embeds Redoc's scripts and styles, but Redoc 3 still loads its "API docs by"
// logo from cdn.redoc.ly: offline that is a failed request and a console error. The logo URLs
// are swapped for an inline SVG wordmark. The Chromium test (test/e2e/docs.test.ts) fails on any
// request the page makes off loopback, so a Redoc upgrade that adds another shows up there.
//
// Redoc renders descriptions as markdown, raw HTML included: `<iframe srcdoc="<script>…">` in a
// description runs script in the page. Redoc's `sanitize` option (DOMPurify) is the fix, but
// redocly-cli 2.77.0's build-docs cannot prerender with it (its server bundle stubs out the DOM
// DOMPurify needs: "linkedom is not available in browser bundles"). So the option is switched on
// here, for the browser: hydration then sanitises. Prerendered markup is not sanitised, so when
// any text of the spec holds raw HTML (outside code), the prerendered markup is dropped and the
// page renders in the browser only (Redoc's `init` instead of `hydrate`), sanitised.
import { readFileSync, renameSync, writeFileSync } from "node:fs";

const wordmark = (text, width) =>
  "data:image/svg+xml," +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="14" viewBox="0 0 ${width} 14">` +
      `<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#0044D4">${text}</text></svg>`,
  );

const REMOTE_ASSETS = new Map([
  ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", wordmark("Redocly", 44)],
  ["https://cdn.redoc.ly/redoc/logo-mini.svg", wordmark("R", 9)],
]);

const [built, out] = process.argv.slice(2);
if (!built || !out) {
  console.error("usage: node docs-offline.mjs <built.html> <out.html>");
  process.exit(2);
}

let html;
try {
  html = readFileSync(built, "utf8");
} catch (err) {
  console.error(`docs: cannot read ${built}: ${err.message}`);
  process.exit(1);
}
let replaced = 0;
for (const [url, inline] of REMOTE_ASSETS) {
  const parts = html.split(url);
  replaced += parts.length - 1;
  html = parts.join(inline);
}
if (replaced === 0) {
  // Redoc changed how it shows its logo; the page may now fetch something else remotely.
  console.error(`docs: ${built}: none of ${[...REMOTE_ASSETS.keys()].join(", ")} found; check the page still works offline (test/e2e/docs.test.ts)`);
  process.exit(1);
}

const sanitized = sanitizeSpecHtml(html);
if (!sanitized) {
  // Redoc changed how the page starts; descriptions might render unsanitised.
  console.error(`docs: ${built}: Redoc's embedded definition and hydrate() call not found; check how the page sanitises spec HTML (@specforge/codegen src/spec/docs-offline.mjs)`);
  process.exit(1);
}
html = sanitized.html;
// The snippet quotes the spec: JSON-quoted, and C1 controls escaped too, for the terminal.
const quoted = (text) => JSON.stringify(text).replace(/[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
if (sanitized.clientOnly) console.log(`docs: the spec holds raw HTML (${quoted(sanitized.clientOnly)}…): the page renders in the browser only, sanitised`);
// Patched in the build's own temporary file, then renamed: a failed build never leaves a
// half-written page behind.
writeFileSync(built, html);
renameSync(built, out);
console.log(`docs: ${out} (${Math.round(html.length / 1024)} KiB, works offline)`);

/**
 * Turns Redoc's `sanitize` option on for the browser and, when the spec holds raw HTML, drops the
 * unsanitised prerendered markup. Undefined when the page is not laid out as Redoc 3.0 does.
 * @param {string} page
 * @returns {{ html: string, clientOnly: string | undefined } | undefined}
 */
function sanitizeSpecHtml(page) {
  const start = /const __redoc_definition = /.exec(page);
  // The last match: the spec's own text (inside the definition, before it) may quote the same code.
  const optionsAt = [...page.matchAll(/;\s*const __redoc_options = (\{.*?\});\s*hydrate\(__redoc_definition, __redoc_options, (document\.getElementById\('redoc'\))\);/gs)].at(-1);
  const root = '<div id="redoc">';
  const rootAt = page.indexOf(root);
  if (!start || !optionsAt || rootAt < 0 || optionsAt.index < start.index) return undefined;
  let definition, options;
  try {
    definition = JSON.parse(page.slice(start.index + start[0].length, optionsAt.index));
    options = JSON.parse(optionsAt[1]);
  } catch {
    return undefined;
  }
  const raw = rawHtmlIn(definition);
  const call = raw ? "init" : "hydrate";
  const script = `;\n      const __redoc_options = ${JSON.stringify({ ...options, sanitize: true })};\n\n      ${call}(__redoc_definition, __redoc_options, ${optionsAt[2]});`;
  let out = page.slice(0, optionsAt.index) + script + page.slice(optionsAt.index + optionsAt[0].length);
  if (raw) {
    // React escapes `<` in prerendered text and attributes, so counting div tags finds the root's end.
    const open = rootAt + root.length;
    let depth = 1;
    const tags = /<(\/?)div\b/g;
    tags.lastIndex = open;
    for (let m; depth > 0 && (m = tags.exec(out)); ) depth += m[1] ? -1 : 1;
    if (depth !== 0) return undefined;
    out = out.slice(0, open) + out.slice(tags.lastIndex - "</div".length);
  }
  return { html: out, clientOnly: raw };
}

/**
 * The first raw HTML in any string of the definition — a `<` opening a tag, comment, declaration
 * or autolink — outside inline code spans (where `<token>` is text): what a sanitiser would have
 * to look at. Conservative: only code spans closed by a run of exactly their own backticks are
 * skipped, and none at all in a string holding a backslash before a backtick (an escaped backtick
 * opens no span); fenced and indented code count as prose. Undefined when there is none.
 * @param {unknown} value
 * @returns {string | undefined}
 */
function rawHtmlIn(value) {
  if (typeof value === "string") {
    const prose = value.includes("\\`") ? value : value.replace(/(?<!`)(`+)(?!`)[^]*?(?<!`)\1(?!`)/g, "");
    const at = prose.search(/<[A-Za-z!/?]/);
    return at < 0 ? undefined : prose.slice(at, at + 24).replace(/\s+/g, " ");
  }
  for (const [k, v] of Array.isArray(value) ? value.entries() : value && typeof value === "object" ? Object.entries(value) : []) {
    const found = rawHtmlIn(k) ?? rawHtmlIn(v);
    if (found) return found;
  }
  return undefined;
}
