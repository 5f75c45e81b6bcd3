// Second step of `pnpm docs` (spec package): makes the page `redocly build-docs --inlineBundle`
// produced work offline, then moves it into place.
//
//   node tools/scripts/docs-offline.mjs <built.html> <out.html>
//
// --inlineBundle embeds Redoc's scripts and styles, but Redoc 3 still loads its "API docs by"
// logo from cdn.redoc.ly: offline that is a failed request and a console error. The logo URLs
// are swapped for an inline SVG wordmark. The Chromium test (test/e2e/docs.test.ts) fails on any
// request the page makes off loopback, so a Redoc upgrade that adds another shows up there.
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
  console.error("usage: node tools/scripts/docs-offline.mjs <built.html> <out.html>");
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
// Patched in the build's own temporary file, then renamed: a failed build never leaves a
// half-written page behind.
writeFileSync(built, html);
renameSync(built, out);
console.log(`docs: ${out} (${Math.round(html.length / 1024)} KiB, works offline)`);
