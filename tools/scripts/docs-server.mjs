// Serves the HTML API reference (spec/dist/docs/index.html, built by `pnpm run docs`) on loopback.
// The file is read on every request, so a rebuilt page is served without a restart; with
// `reload: true` the page also reloads itself when the file changes (a tiny EventSource script).
// Every path answers with the page: Redoc routes tags and operations as paths (/users/listusers).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { unwatchFile, watchFile } from "node:fs";
import { relative } from "node:path";

const RELOAD_PATH = "/__docs/reload";
// The page names the file version it was built from: a change between serving the page and its
// EventSource connecting would otherwise be missed (the page would stay stale until the next one).
const reloadScript = (version) =>
  `<script>new EventSource(${JSON.stringify(`${RELOAD_PATH}?v=${version}`)}).onmessage = () => location.reload();</script>`;

// Before the last </body>: the inlined Redoc bundle may contain the string itself.
function withReloadScript(html, version) {
  const at = html.lastIndexOf("</body>");
  const script = reloadScript(version);
  return at < 0 ? html + script : html.slice(0, at) + script + html.slice(at);
}

const versionOf = async (file) => (await stat(file).catch(() => undefined))?.mtimeMs ?? 0;

/**
 * Starts the docs server and resolves once it listens.
 * @param {object} options
 * @param {string} [options.host] interface to bind (default "127.0.0.1")
 * @param {number} [options.port] port (default 4011; 0 picks a free one)
 * @param {string} options.file the HTML page to serve (required)
 * @param {boolean} [options.reload] inject a script that reloads the page when the file changes (default false)
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startDocsServer({ host = "127.0.0.1", port = 4011, file, reload = false } = {}) {
  if (!file) throw new TypeError("startDocsServer: `file` (the built docs page) is required");
  const listeners = new Set();

  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (reload && path === RELOAD_PATH) {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store" });
      res.write(": connected\n\n");
      listeners.add(res);
      req.on("close", () => listeners.delete(res));
      const seen = url.searchParams.get("v");
      if (seen !== null && seen !== String(await versionOf(file))) res.write("data: reload\n\n");
      return;
    }
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    let html;
    // Taken before reading: a change in between makes the page look older, so it reloads once more.
    const version = reload ? await versionOf(file) : undefined;
    try {
      html = await readFile(file, "utf8");
    } catch (err) {
      const body = `The API reference is not built yet (${relative(process.cwd(), file) || file}: ${err.code ?? err.message}).\nBuild it with: npx -y pnpm@12.4.2 run docs\n`;
      res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end(body);
      return;
    }
    if (reload) html = withReloadScript(html, version);
    const body = Buffer.from(html);
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length, "Cache-Control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
  });

  // Polling survives the file being replaced (rename), which fs.watch on some platforms does not.
  const onChange = (curr, prev) => {
    if (curr.mtimeMs === prev.mtimeMs || curr.mtimeMs === 0) return;
    for (const res of listeners) res.write("data: reload\n\n");
  };
  if (reload) watchFile(file, { interval: 250 }, onChange);

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        if (reload) unwatchFile(file, onChange);
        for (const res of listeners) res.end();
        listeners.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
