import { afterAll, expect } from "vitest";
import { BffConfigError, configFromEnv, createBff, serveNode, type Bff, type BffConfig, type Logger, type RunningServer } from "../src/index.js";

// Servers started by a test file (at collection or inside tests) are closed when the file ends.
const servers: Array<Promise<RunningServer>> = [];
afterAll(async () => {
  await Promise.all(servers.map(async (s) => (await s).close()));
});

/** The server-side secret of the tests: it must reach the API and nothing else. */
export const API_KEY = "sk_live_bff_test_9f8e7d6c5b4a";
export const ALLOWED_ORIGIN = "https://app.example.test";
export const USER_ID = "8b3c6f1e-2d4a-4f6b-9c1d-3e5f7a9b1c2d";

/** A logger keeping each line as the JSON a log collector would store. */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, message, ...meta }));
  };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export interface Captured {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: any;
}

export interface RunningBff {
  bff: Bff;
  /** Origin of the node server. */
  url: string;
  /** `url` + basePath: what a browser app's baseUrl is. */
  api: string;
  logs: string[];
  /** Every response seen through `call`, as status line + headers + body, for leak scans. */
  transcript: string[];
  call(path: string, init?: RequestInit): Promise<Captured>;
}

/** Starts a BFF on node:http (127.0.0.1, free port) for the current file, closed after it. */
export async function startBff(config: Omit<BffConfig, "logger">): Promise<RunningBff> {
  const logger = captureLogger();
  const bff = createBff({ ...config, logger });
  const started = serveNode(bff, { port: 0 });
  servers.push(started);
  const server = await started;
  const transcript: string[] = [];
  return {
    bff,
    url: server.url,
    api: server.url + (config.basePath ?? "/api"),
    logs: logger.lines,
    transcript,
    async call(path, init) {
      const res = await fetch(server.url + path, init);
      const text = await res.text();
      const headers = Object.fromEntries(res.headers);
      transcript.push(`${res.status} ${res.statusText}\n${JSON.stringify(headers)}\n${text}`);
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, headers, text, json };
    },
  };
}

/** Headers of a browser app on the allowed origin. */
export function browser(clientId = "web-app", extra: Record<string, string> = {}): Record<string, string> {
  return { origin: ALLOWED_ORIGIN, "x-client-id": clientId, ...extra };
}

/** A clock the test moves by hand, so windows and tolerances do not depend on machine speed. */
export function manualClock(start = Date.UTC(2026, 0, 1)): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/** The problems configFromEnv reports for these variables, or [] when it accepts them. */
export function envProblems(env: Record<string, string>, options = {}): string[] {
  try {
    configFromEnv(env, options);
  } catch (e) {
    expect(e).toBeInstanceOf(BffConfigError);
    return (e as BffConfigError).problems;
  }
  return [];
}
