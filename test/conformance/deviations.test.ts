import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exec, repoRoot } from "../support/exec.js";
import { removeScratch } from "../support/scratch.js";
import { contractHeaders, startReferenceServer, type Deviation } from "./reference-server.js";

// Servers that break the contract in ways Prism alone lets through, each run through the real CLI.
const CLI = ["--conditions=@specforge/source", "tools/scripts/contract.mjs"];
// The CLI's own temp folder for its spec copy: other suites running beside this one (the Prism
// contract suite) make `specforge-contract-*` folders in the shared one at the same moments.
const ownTmp = mkdtempSync(join(tmpdir(), "sf-conformance-tmp-"));
const CLI_ENV = { TMPDIR: ownTmp, TMP: ownTmp, TEMP: ownTmp };
const run = (args: string[]) => exec(process.execPath, [...CLI, ...args], { timeoutMs: 300_000, env: CLI_ENV });

interface Report {
  operations: { operation: string; status: number | null; violations: number; skipped?: string }[];
  violations: { operation: string; status: number | null; in: string; pointer: string; severity: string; code: unknown; message: string }[];
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Deviation => (_req, res) => {
  res.writeHead(status, { "content-type": "application/json", ...contractHeaders(), ...headers }).end(JSON.stringify(body));
};
const envelope = (code: string) => ({ error: { code, message: code.toLowerCase() }, request_id: "req_dev" });
const scratchDirs = () => new Set(readdirSync(ownTmp).filter((d) => d.startsWith("specforge-contract-")));
const servers: { close(): Promise<void> }[] = [];
async function serve(deviations: Record<string, Deviation>) {
  const server = await startReferenceServer(deviations);
  servers.push(server);
  return server.url;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(ownTmp, { recursive: true, force: true });
});

describe("pnpm contract against servers that deviate", () => {
  it("fails a 5xx to a valid request, names the credentials on a 401, warns on a documented 4xx", async () => {
    const url = await serve({ listUsers: json(500, envelope("INTERNAL_ERROR")), getUser: json(401, envelope("UNAUTHORIZED")), getProduct: json(404, envelope("NOT_FOUND")) });
    const r = await run(["--target", url, "--only", "listUsers,getUser,getProduct", "--json"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain("no credentials given");
    const status = (JSON.parse(r.stdout) as Report).violations.filter((v) => v.in === "response.status");
    expect(status.map((v) => [v.operation, v.status, v.severity])).toEqual([["listUsers", 500, "Error"], ["getUser", 401, "Error"], ["getProduct", 404, "Warning"]]);
    expect(status[1]!.message).toMatch(/credentials were refused or missing.*--bearer.*--api-key/);
    expect(status[2]!.message).toContain("did not get its documented 2xx (200)");
  });

  it("reports a body that is not JSON, an empty body where JSON is documented, and events that break the event schema", async () => {
    const url = await serve({
      getUser: (_req, res) => res.writeHead(200, { "content-type": "application/json", ...contractHeaders() }).end("{not json"),
      getProduct: (_req, res) => res.writeHead(200, { "content-type": "application/json", ...contractHeaders() }).end(),
      unrouted: (req, res) => {
        if (!req.url?.includes("/chat/stream")) return json(404, envelope("NOT_FOUND"))(req, res, undefined);
        res.writeHead(200, { "content-type": "text/event-stream", ...contractHeaders() });
        res.end('id: 1\nevent: delta\ndata: {"delta": 42}\n\nid: 2\nevent: done\ndata: not json\n\n');
      },
    });
    const r = await run(["--target", url, "--only", "getUser,getProduct,streamCoachingChat", "--json", "--bearer", "t"]);
    expect(r.code, r.stderr).toBe(1);
    const found = (JSON.parse(r.stdout) as Report).violations.map((v) => [v.operation, v.status, v.in, v.pointer, v.code]);
    expect(found).toEqual([
      ["getUser", 200, "response.body", "", "json"],
      ["getProduct", 200, "response.body", "", "empty"],
      ["streamCoachingChat", 200, "response.events", "/0/data/delta", "schema"],
      ["streamCoachingChat", 200, "response.events", "/1/data", "json"],
    ]);
  });

  it("records a hanging answer and one cut off mid-body per operation and goes on (--timeout)", async () => {
    const url = await serve({
      getUser: () => undefined,
      getProduct: (req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000", ...contractHeaders() }).write('{"data":');
        setTimeout(() => req.socket.destroy(), 50);
      },
    });
    const started = Date.now();
    const r = await run(["--target", url, "--only", "getUser,getProduct,listUsers", "--timeout", "2", "--json"]);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.violations.map((v) => [v.operation, v.in, v.message])).toEqual([
      ["getUser", "target", "no response within 2 s"],
      ["getProduct", "target", expect.stringContaining("connection closed mid-body")],
    ]);
    expect(report.operations.find((o) => o.operation === "listUsers")).toMatchObject({ status: 200, violations: 0 });
    expect(Date.now() - started).toBeLessThan(120_000);
  });

  it("sends each operation the credential it accepts, and skips one that accepts none given", async () => {
    const seen: Record<string, string> = {};
    const record: Deviation = (req, res, fixture) => {
      seen[String(req.headers["x-contract-run"] ?? "") + req.url] = `${req.headers.authorization ?? "-"} ${req.headers["x-api-key"] ?? "-"}`;
      json(200, fixture)(req, res, fixture);
    };
    const url = await serve({ getUser: record });
    const keyOnly = await run(["--target", url, "--only", "getUser,getCurrentUser", "--api-key", "k", "--json"]);
    expect(keyOnly.code, keyOnly.stderr).toBe(0);
    const report = JSON.parse(keyOnly.stdout) as Report;
    expect(report.operations.find((o) => o.operation === "getCurrentUser")?.skipped).toContain("--bearer");
    expect(Object.values(seen)).toEqual(["- k"]);
    const both = await run(["--target", url, "--only", "getUser", "--api-key", "k", "--bearer", "t"]);
    expect(both.code, both.stderr).toBe(0);
    expect(Object.values(seen).at(-1)).toBe("Bearer t -");
    // Every operation skipped: nothing checked, which must not pass as green.
    const none = await run(["--target", url, "--only", "getCurrentUser", "--api-key", "k"]);
    expect(none.code, none.stderr).toBe(2);
    expect(none.stderr).toMatch(/^contract: no operation was called .*nothing was checked/m);
  });

  it("takes operations and schemas from --spec, not only Prism's validation", async () => {
    const dir = join(tmpdir(), `contract-spec-${process.pid}`);
    const spec = JSON.parse(readFileSync(join(repoRoot, "spec/dist/openapi.json"), "utf8"));
    delete spec.paths["/users"];
    spec.components.schemas.UserRole.enum.push("superuser");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "openapi.json"), JSON.stringify(spec));
    try {
      const url = await serve({});
      const r = await run(["--target", url, "--spec", join(dir, "openapi.json"), "--only", "getUser,getProduct", "--json"]);
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      const unknown = await run(["--target", url, "--spec", join(dir, "openapi.json"), "--only", "listUsers"]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr.trim()).toMatch(/^contract: unknown operation\(s\) in --only: listUsers/);
    } finally {
      await removeScratch(dir);
    }
  });

  it("stops with one line and exit 2 for a target that is down, a bad --target or --only, and leaves no temp folder", async () => {
    const before = scratchDirs();
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const cases: [string[], RegExp][] = [
      [["--target", `http://127.0.0.1:${port}`], new RegExp(`^contract: cannot reach http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)$`)],
      [["--target", "ftp://127.0.0.1/"], /^contract: --target ftp:\/\/127\.0\.0\.1\/: only http:\/\/ and https:\/\//],
      [["--target", `127.0.0.1:${port}`], new RegExp(`^contract: --target 127\\.0\\.0\\.1:${port} .*http://127\\.0\\.0\\.1:${port}$`)],
      [["--target", "http://127.0.0.1:1", "--only", ","], /^contract: --only "," names no operation/],
    ];
    for (const [args, line] of cases) {
      const r = await run(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim()).toMatch(line);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect([...scratchDirs()].filter((d) => !before.has(d))).toEqual([]);
  });

  it("removes its temp folder when stopped with SIGTERM", async () => {
    const url = await serve({ getUser: () => undefined });
    const before = scratchDirs();
    const child = spawn(process.execPath, [...CLI, "--target", url, "--only", "getUser", "--timeout", "60"], { cwd: repoRoot, stdio: "ignore", env: { ...process.env, ...CLI_ENV } });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // Once the copy exists, the run is under way.
    while (![...scratchDirs()].some((d) => !before.has(d))) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2000));
    child.kill("SIGTERM");
    expect(await exited).toBe(143);
    expect([...scratchDirs()].filter((d) => !before.has(d))).toEqual([]);
  });
});
