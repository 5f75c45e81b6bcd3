#!/usr/bin/env node
/**
 * `pnpm bff`: the BFF on node:http, configured by environment variables (see ENV_VARS).
 *   pnpm bff [--port N] [--host H]
 */
import { createBff } from "./bff.js";
import { BffConfigError } from "./check-config.js";
import { DEFAULTS } from "./config.js";
import { configFromEnv, ENV_VARS } from "./env.js";
import { jsonLogger } from "./logger.js";
import { serveNode } from "./node.js";
import { eventField } from "./webhook-events.js";

function usage(): string {
  const width = Math.max(...Object.keys(ENV_VARS).map((k) => k.length));
  const vars = Object.entries(ENV_VARS).map(([k, v]) => `  ${k.padEnd(width)} ${v}`);
  return ["Usage: pnpm bff [--port N] [--host H]", "", "Environment:", ...vars, ""].join("\n");
}

function flags(argv: string[]): { port?: number; host?: string; help?: boolean } {
  const out: { port?: number; host?: string; help?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [name, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (name === "--help" || name === "-h") out.help = true;
    else if (name === "--port" || name === "--host") {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${name} needs a value`);
      if (name === "--host") out.host = value;
      else if (/^\d+$/.test(value) && Number(value) <= 65535) out.port = Number(value);
      else throw new Error(`--port: expected an integer 0-65535, got "${value}"`);
    } else if (name !== "--") throw new Error(`Unknown argument "${a}" (try --help)`);
  }
  return out;
}

async function main(): Promise<number> {
  let args: ReturnType<typeof flags>;
  try {
    args = flags(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(usage());
    return 0;
  }
  const logger = jsonLogger(process.env.BFF_LOG_LEVEL === "debug" ? "debug" : "info");
  let bff;
  try {
    const config = configFromEnv(process.env, {
      logger,
      // Without application code, a verified event is logged; embed createBff to handle events.
      onWebhookEvent: (event, delivery) => logger.info?.("webhook.event", { webhookId: delivery.id, type: eventField(event, "type"), requestId: delivery.requestId }),
    });
    bff = createBff(config);
  } catch (e) {
    if (e instanceof BffConfigError) {
      process.stderr.write(`${e.message}\n\nRun with --help for every variable.\n`);
      return 1;
    }
    throw e;
  }
  const running = await serveNode(bff, { ...(args.port !== undefined ? { port: args.port } : {}), ...(args.host ? { host: args.host } : {}) });
  const basePath = bff.config.basePath ?? DEFAULTS.basePath;
  process.stdout.write(
    `BFF listening on ${running.url}${basePath} → ${bff.config.upstream.url} (${bff.config.operations.length} operations` +
      `${bff.config.webhook ? `; webhooks on ${running.url}${bff.config.webhook.path ?? DEFAULTS.webhookPath}` : ""})\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await running.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bff: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
