/**
 * A real Redis 7 (Debian's `redis-server`) for the tests and the bench: started on 127.0.0.1 with a
 * free port and a throwaway directory, never a system service. It writes an append-only file
 * (fsync on every write) so a kill and restart keep what was written, as a production Redis
 * holding webhook dedupe records should.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** `$REDIS_SERVER_PATH`, else `redis-server` on PATH (Debian: /usr/bin/redis-server), else undefined. */
export function findRedisServer(): string | undefined {
  const candidates = [process.env.REDIS_SERVER_PATH, ...(process.env.PATH ?? "").split(delimiter).map((d) => join(d, "redis-server")), "/usr/bin/redis-server"];
  return candidates.find((file) => {
    try {
      return file !== undefined && file !== "" && (accessSync(file, constants.X_OK), true);
    } catch {
      return false;
    }
  });
}

/** The one line a test prints when it skips for want of Redis. */
export const MISSING_REDIS = "skipped — redis-server is not installed (apt-get install -y redis-server, or set REDIS_SERVER_PATH)";

export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Whether the process is up. */
  readonly running: boolean;
  /** SIGKILL: a crash, no goodbye to the clients (the append-only file keeps every write). */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory, reloading the append-only file. */
  restart(): Promise<void>;
  /** Stops it for good and removes the directory. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once `PING` on the port is answered with `+PONG` (it also answers while loading: -LOADING). */
async function waitForPong(port: number, child: ChildProcess, deadline: number): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode}) before answering`);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      let data = "";
      socket.setTimeout(500, () => socket.destroy());
      socket.on("connect", () => socket.write("PING\r\n"));
      socket.on("data", (d) => {
        data += String(d);
        if (data.includes("\r\n")) socket.end();
      });
      socket.on("close", () => resolve(data));
      socket.on("error", () => undefined);
    });
    if (answer.startsWith("+PONG")) return;
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING in time`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface RedisServerOptions {
  /** fsync of the append-only file: "always" (tests: a kill loses nothing) or "everysec" (Redis's default, benches). Default: "always". */
  appendfsync?: "always" | "everysec";
}

export async function startRedis(binary = findRedisServer(), options: RedisServerOptions = {}): Promise<RedisServer> {
  if (!binary) throw new Error(MISSING_REDIS);
  const dir = mkdtempSync(join(tmpdir(), "specforge-redis-"));
  const port = await freePort();
  const args = [
    "--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--daemonize", "no", "--save", "",
    "--appendonly", "yes", "--appendfsync", options.appendfsync ?? "always", "--logfile", "", "--loglevel", "warning",
  ];
  let child: ChildProcess | undefined;
  const launch = async (): Promise<void> => {
    const c = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
    child = c;
    let stderr = "";
    c.stderr!.on("data", (d) => (stderr += String(d)));
    try {
      await waitForPong(port, c, Date.now() + 10_000);
    } catch (e) {
      c.kill("SIGKILL");
      throw new Error(`${(e as Error).message}${stderr ? `: ${stderr.trim()}` : ""}`);
    }
  };
  const exit = async (signal: NodeJS.Signals): Promise<void> => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once("exit", () => resolve());
      c.kill(signal);
    });
  };
  // Never outlive the test run, whatever happens to it.
  const onExit = () => child?.kill("SIGKILL");
  process.once("exit", onExit);
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    kill: () => exit("SIGKILL"),
    restart: launch,
    async stop() {
      await exit("SIGTERM");
      process.off("exit", onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CLIENT PAUSE for `ms`: Redis stays connected but answers nothing (a slow Redis). */
export function pauseRedis(port: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`CLIENT PAUSE ${ms} ALL\r\n`));
    socket.once("data", (d) => (String(d).startsWith("+OK") ? resolve() : reject(new Error(String(d)))));
    socket.once("error", reject);
    socket.once("data", () => socket.end());
  });
}
