import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Request } from "playwright-core";

/**
 * The system Chromium (Debian's `chromium` package; never a browser download): $CHROMIUM_PATH,
 * else /usr/bin/chromium, else `chromium` on PATH. Undefined when there is none.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", ...(process.env.PATH ?? "").split(delimiter).filter(Boolean).map((dir) => join(dir, "chromium"))];
  for (const file of candidates) {
    if (!file) continue;
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not there; next
    }
  }
  return undefined;
}

export const NO_CHROMIUM =
  "Chromium is not installed (looked at $CHROMIUM_PATH, /usr/bin/chromium and PATH); install Debian's package: apt-get install -y chromium (.ci/run does)";

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-background-networking"] });
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Lets a context talk to loopback only: every other http(s) request is aborted and recorded, so
 * a test can assert the page works offline (and never reaches the network).
 */
export async function loopbackOnly(context: BrowserContext): Promise<{ offsite: string[] }> {
  const offsite: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:" || url.protocol === "wss:") && !LOOPBACK.has(url.hostname)) {
      offsite.push(url.href);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  return { offsite };
}

/** Console errors, uncaught page errors and failed requests of every page of a context. */
export function collectErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console.error: ${msg.text()} (${msg.location().url})`);
  });
  context.on("weberror", (err) => errors.push(`uncaught: ${err.error().message}`));
  // ERR_ABORTED: a load the page itself cancelled (a navigation or reload), not a failure.
  context.on("requestfailed", (req: Request) => {
    if (req.failure()?.errorText !== "net::ERR_ABORTED") errors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  return errors;
}
