import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { exec, repoRoot } from "../support/exec.js";
import { turbo } from "../support/turbo.js";
import { collectErrors, findChromium, launchChromium, loopbackOnly, NO_CHROMIUM } from "../support/chromium.js";
import { startDocsServer, type DocsServer } from "../../tools/scripts/docs-server.mjs";

interface Entry {
  kind: "operation" | "webhook";
  operationId: string;
  summary: string;
  tag: string;
}

const docsFile = join(repoRoot, "spec/dist/docs/index.html");
const artifacts = join(repoRoot, "test/artifacts");
const chromiumPath = findChromium();
if (!chromiumPath) console.warn(`docs.test: skipped — ${NO_CHROMIUM}`);

/** Every operation and webhook of the bundled spec: what the reference must list. */
function specEntries(): Entry[] {
  const spec = JSON.parse(readFileSync(join(repoRoot, "spec/dist/openapi.json"), "utf8"));
  const from = (kind: Entry["kind"], items: Record<string, Record<string, { operationId?: string; summary?: string; tags?: string[] }>>) =>
    Object.values(items ?? {}).flatMap((item) =>
      Object.values(item)
        .filter((op) => typeof op === "object" && op !== null && "responses" in op)
        .map((op) => ({ kind, operationId: op.operationId!, summary: op.summary!, tag: op.tags![0]! })),
    );
  return [...from("operation", spec.paths), ...from("webhook", spec.webhooks)];
}

/** What an event stream sends within `ms` of connecting. */
async function firstEvent(url: string, ms: number): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(ms) });
  const reader = res.body!.getReader();
  let text = "";
  try {
    while (!text.includes("data:")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
  } catch {
    // the time is up: what came so far
  }
  await reader.cancel().catch(() => undefined);
  return text;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Opens every tag group of Redoc's sidebar (one is open at a time) and follows each of its
 * entries, checking that the operation's section scrolls into view; returns the entries listed.
 */
async function walkSidebar(page: Page, entries: Entry[]) {
  const menu = page.locator('[data-component-name="Menu/Menu"]').first();
  const groups = await menu.locator("a").evaluateAll((as) => as.map((a) => [a.getAttribute("href")!, a.textContent!.trim()] as const));
  const listed: { group: string; id: string; summary: string }[] = [];
  for (const [groupHref, group] of groups.filter(([h]) => h !== "/" && !h.startsWith("/section/"))) {
    await menu.locator(`a[href="${groupHref}"]`).click();
    const items = menu.locator(`a[href^="#${groupHref}/"]`);
    await items.first().waitFor();
    for (const [href, label] of await items.evaluateAll((as) => as.map((a) => [a.getAttribute("href")!, a.textContent!] as const))) {
      listed.push({ group, id: href.split("/").pop()!, summary: label });
      const entry = entries.find((e) => e.operationId.toLowerCase() === href.split("/").pop());
      if (!entry) continue;
      await menu.locator(`a[href="${href}"]`).click();
      const heading = page.locator("#api-content h2", { hasText: new RegExp(`^${escape(entry.summary)}`) });
      await heading.waitFor({ state: "visible", timeout: 30_000 });
      const bottom = page.viewportSize()!.height;
      await expect.poll(() => heading.evaluate((h) => h.getBoundingClientRect().top), { message: `${entry.operationId} scrolled into view`, timeout: 15_000 }).toBeLessThan(bottom);
    }
  }
  return listed;
}

describe("HTML API reference (pnpm run docs) in headless Chromium", () => {
  let browser: Browser | undefined;
  let server: DocsServer | undefined;
  let entries: Entry[] = [];

  beforeAll(async () => {
    const built = await turbo(["run", "docs", "--filter=@specforge/spec", "--output-logs=errors-only"]);
    expect(built.code, built.stdout + built.stderr).toBe(0);
    entries = specEntries();
    if (!chromiumPath) return;
    browser = await launchChromium(chromiumPath);
    server = await startDocsServer({ port: 0, file: docsFile });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // ~0.6 s per entry on an idle machine (Redoc renders each section it scrolls to), several times that
  // on a loaded CI machine: the walk gets a budget of its own.
  it("lists and renders every operation and webhook of the spec, offline, without console errors", { timeout: 600_000 }, async (ctx) => {
    if (!browser || !server) return ctx.skip(NO_CHROMIUM);
    expect(entries.filter((e) => e.kind === "operation").length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.kind === "webhook").length).toBeGreaterThan(0);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { offsite } = await loopbackOnly(context);
    const errors = collectErrors(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: "load" });
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "docs.png") });

    // Listed: one sidebar entry per operation and webhook, under its tag, linked by its operationId;
    // and following it shows its section.
    const listed = await walkSidebar(page, entries);
    const want = entries.map((e) => ({ group: e.tag, id: e.operationId.toLowerCase(), summary: expect.stringMatching(new RegExp(`^${escape(e.summary)}`)) }));
    for (const w of want) expect(listed, `${w.id} in the sidebar`).toContainEqual(w);
    expect(listed).toHaveLength(want.length);
    await page.screenshot({ path: join(artifacts, "docs-last-entry.png") });

    expect(offsite, "requests off loopback").toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("serves a rebuilt page without a restart and, with reload on, reloads the open page", async (ctx) => {
    if (!browser) return ctx.skip(NO_CHROMIUM);
    const dir = mkdtempSync(join(tmpdir(), "specforge-docs-"));
    const file = join(dir, "index.html");
    copyFileSync(docsFile, file);
    const live: DocsServer = await startDocsServer({ port: 0, file, reload: true });
    const context = await browser.newContext();
    try {
      const errors = collectErrors(context);
      const page = await context.newPage();
      await page.goto(`${live.url}/`, { waitUntil: "load" });
      const title = await page.title();
      expect(title).not.toBe("");
      const reloaded = page.waitForEvent("load");
      writeFileSync(file, readFileSync(docsFile, "utf8").replace(`<title>${title}</title>`, `<title>${title} (rebuilt)</title>`));
      await reloaded;
      expect(await page.title()).toBe(`${title} (rebuilt)`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await live.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("with reload on, a page that connects after the file changed reloads at once (no lost change)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-docs-race-"));
    const file = join(dir, "index.html");
    writeFileSync(file, "<html><body>v1</body></html>");
    const live: DocsServer = await startDocsServer({ port: 0, file, reload: true });
    try {
      const page = await (await fetch(`${live.url}/`)).text();
      const source = /new EventSource\("([^"]+)"\)/.exec(page)?.[1];
      expect(source, page).toMatch(/^\/__docs\/reload\?v=/);
      // Connecting with the version the page was served with gets no reload while nothing changed...
      const before = await firstEvent(`${live.url}${source}`, 300);
      expect(before).not.toContain("data: reload");
      // ...and a reload as soon as it connects once the file changed in between.
      utimesSync(file, new Date(), new Date(Date.now() + 5_000));
      expect(await firstEvent(`${live.url}${source}`, 5_000)).toContain("data: reload");
    } finally {
      await live.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("renders a spec whose descriptions carry HTML and script without running any of it", async (ctx) => {
    if (!browser) return ctx.skip(NO_CHROMIUM);
    const dir = mkdtempSync(join(tmpdir(), "specforge-docs-hostile-"));
    const attacks = [
      `<img src="x" onerror="window.__pwned = 'img'">`,
      `<iframe srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>`,
      `<script>window.__pwned = 'script'</script>`,
      `[link](javascript:window.__pwned='link')`,
      `<a href="javascript:window.__pwned='a'" id="evil">click</a>`,
    ];
    const spec = {
      openapi: "3.1.0",
      info: { title: "Hostile <script>window.__pwned='title'</script>", version: "1", description: attacks.join("\n\n") },
      paths: { "/x": { get: { operationId: "getX", summary: "Get x", description: attacks.join("\n\n"), responses: { "200": { description: attacks[0] } } } } },
    };
    writeFileSync(join(dir, "openapi.json"), JSON.stringify(spec));
    const redocly = join(repoRoot, "spec/node_modules/.bin/redocly");
    const build = await exec(redocly, ["build-docs", join(dir, "openapi.json"), "--inlineBundle", "--output", join(dir, "build.html")], { cwd: dir });
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const offline = await exec(process.execPath, [join(repoRoot, "tools/codegen/src/spec/docs-offline.mjs"), join(dir, "build.html"), join(dir, "index.html")]);
    expect(offline.code, offline.stderr).toBe(0);
    const hostile: DocsServer = await startDocsServer({ port: 0, file: join(dir, "index.html") });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${hostile.url}/`, { waitUntil: "load" });
      await page.locator("#api-content h2", { hasText: "Get x" }).waitFor({ timeout: 15_000 });
      const evil = page.locator("#evil");
      if (await evil.count()) await evil.first().click({ timeout: 2_000 }).catch(() => undefined);
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      // Nothing active made it into the rendered page (the spec itself rides along as JSON data).
      expect(await page.locator("#api-content iframe, #api-content script, #api-content [onerror], #api-content a[href^='javascript:']").count()).toBe(0);
    } finally {
      await context.close();
      await hostile.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
