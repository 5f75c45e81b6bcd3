/**
 * The scaffold on real specs, tried as a new API team would: `pnpm scaffold` into a temporary
 * folder, then a fresh clone of what it committed, where the README's two commands run as
 * written — the main job (lint, generate, build, docs, then Prism answering a GET of the spec
 * with 2xx) and the test command (type checks and the generated contract suite against Prism).
 * While Prism runs, the scaffold's BFF (its CLI, as `pnpm bff` starts it) proxies a GET to it and
 * answers its own errors as RFC 9457 problems, webhooks checked against the spec's. Then: a second `generate` is byte-identical, `spec:diff` of the unchanged spec exits 0, and no
 * file names @specforge unless it is a package the project really uses.
 *
 * SCAFFOLD_SPECS=<file,…> picks other specs (default: one Swagger 2.0, one 3.0 and the 3 MB 3.1
 * openai spec of ../shared/specs/real).
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { exec } from "../../../test/support/exec.js";
import { freePort } from "../../../test/support/prism.js";
import { REAL_SPECS_DIR } from "../../codegen/test/support/real-specs.js";
import { credentialEnv, getOperations, signed, startBff, WEBHOOK_SECRET } from "./support/bff.js";
import { probe, probes } from "./support/probe.js";
import { startMainCommand, TEST_COMMAND } from "./support/readme-commands.js";

const scaffoldBin = fileURLToPath(new URL("../bin/scaffold.mjs", import.meta.url));
const PNPM = ["-y", "pnpm@12.4.2"];
const DEFAULT = ["prometheus-alertmanager.yaml", "ory-kratos.json", "openai.yaml"];
const specs = (process.env.SCAFFOLD_SPECS?.split(",") ?? DEFAULT).map((f) => (f.includes("/") ? resolve(f) : join(REAL_SPECS_DIR, f)));
const missing = specs.filter((s) => !existsSync(s));
if (missing.length) console.warn(`scaffold.test: skipped — missing specs ${missing.join(", ")} (the shared/specs/real folder beside the repository; SCAFFOLD_SPECS picks others)`);

const work = mkdtempSync(join(tmpdir(), "specforge-scaffold-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (cmd: string, args: string[], cwd: string, timeoutMs = 900_000) => exec(cmd, args, { cwd, timeoutMs, env: { CI: "1" } });

/** The scaffold's BFF in front of its Prism (at `upstream`), run by its CLI after `start` built it. */
async function checkBff(dir: string, upstream: string, bundle: Record<string, unknown>) {
  const ops = getOperations(dir, "@acme");
  // The first parameterless GET whose security the BFF has a credential setting for.
  const target = probes(bundle)
    .map((p) => ops.find((o) => o.path === p.path))
    .find((o) => o && credentialEnv(o));
  expect(target, `a GET the BFF can proxy among ${ops.length}`).toBeDefined();
  const bff = await startBff(dir, { BFF_UPSTREAM_URL: upstream, BFF_OPERATIONS: target!.id, ...credentialEnv(target!), BFF_WEBHOOK_SECRET: WEBHOOK_SECRET });
  try {
    const client = { "x-client-id": "scaffold-test" };
    const proxied = await fetch(`${bff.url}/api${target!.path}`, { headers: client });
    expect(proxied.status, `${target!.id}: ${await proxied.clone().text()}`).toBeGreaterThanOrEqual(200);
    expect(proxied.status).toBeLessThan(300);
    console.log(`BFF: GET /api${target!.path} (${target!.id}) → ${proxied.status}, proxied to Prism`);

    const missing = await fetch(`${bff.url}/api/no/such/operation`, { headers: client });
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    const requestId = missing.headers.get("x-request-id");
    expect(await missing.json()).toEqual({ type: "about:blank", title: "Not Found", status: 404, detail: "No such operation", request_id: requestId, code: "NOT_FOUND" });

    // A JSON string is none of a spec's webhook events (objects): refused, with the reason, when
    // the spec declares webhooks; accepted unchecked when it declares none.
    const body = JSON.stringify("not an event");
    const delivery = await fetch(`${bff.url}/webhooks`, { method: "POST", headers: signed(body, "msg_scaffold_1"), body });
    if (Object.keys((bundle.webhooks as object | undefined) ?? {}).length > 0) {
      expect(delivery.status).toBe(400);
      expect(delivery.headers.get("content-type")).toBe("application/problem+json");
      expect(await delivery.json()).toMatchObject({ status: 400, code: "VALIDATION_ERROR", detail: "Webhook payload does not match the spec", errors: expect.arrayContaining([expect.objectContaining({ field: "body" })]) });
    } else {
      expect(await delivery.json()).toEqual({ received: true, duplicate: false });
    }
  } finally {
    await bff.stop();
  }
}

describe.skipIf(missing.length > 0)("pnpm scaffold on real specs", () => {
  for (const spec of specs) {
    const name = spec.split("/").pop()!.replace(/\.(ya?ml|json)$/, "");
    it(`${name}: the scaffold's README commands work on a fresh clone`, { timeout: 3_600_000 }, async () => {
      const out = join(work, name);
      const t0 = performance.now();
      const made = await run(process.execPath, [scaffoldBin, "--spec", spec, "--scope", "@acme", "--out", out], work);
      expect(made.code, made.stderr).toBe(0);
      console.log(`${name}: scaffolded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      // What a teammate gets: a fresh clone, nothing installed.
      const clone = join(work, `${name}-clone`);
      execFileSync("git", ["clone", "-q", out, clone]);

      const [port, docsPort] = [await freePort(), await freePort()];
      const main = await startMainCommand(clone, port, docsPort);
      try {
        const bundle = JSON.parse(readFileSync(join(clone, "spec/dist/openapi.json"), "utf8"));
        const get = probe(bundle);
        expect(get, "a GET operation without required parameters to probe").toBeDefined();
        const res = await fetch(`http://127.0.0.1:${port}${get!.path}`, { headers: get!.headers });
        expect(res.status, `${get!.path}: ${await res.text()}`).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(300);
        expect((await fetch(`http://127.0.0.1:${docsPort}/`)).status).toBe(200);
        await checkBff(clone, `http://127.0.0.1:${port}`, bundle);
      } finally {
        await main.stop();
      }

      const tests = await run("sh", ["-c", TEST_COMMAND], clone);
      expect(tests.code, (tests.stdout + tests.stderr).slice(-6000)).toBe(0);
      expect(tests.stdout).toMatch(/Tests\s+\d+ passed/);

      const again = await run("npx", [...PNPM, "generate"], clone);
      expect(again.code, again.stderr).toBe(0);
      expect(execFileSync("git", ["status", "--porcelain"], { cwd: clone, encoding: "utf8" }), "a second generate is byte-identical").toBe("");

      const diff = await run("npx", [...PNPM, "--silent", "spec:diff"], clone);
      expect(diff.code, diff.stdout + diff.stderr).toBe(0);

      // @specforge appears only as packages the project uses (the runtime and the tools).
      const own = new Set(["@specforge/runtime", "@specforge/codegen", "@specforge/spec-diff"]);
      // The runtime and the tools are @specforge's own packages, copied whole: their docs may name
      // their sibling packages (the runtime's README links the BFF).
      const vendored = /^(packages\/runtime|tools\/codegen|tools\/spec-diff)\//;
      const files = execFileSync("git", ["ls-files"], { cwd: clone, encoding: "utf8" }).split("\n").filter((f) => f && f !== "pnpm-lock.yaml" && !vendored.test(f));
      const strays = files.flatMap((f) => [...readFileSync(join(clone, f), "utf8").matchAll(/@specforge\/[a-z0-9-]+/g)].map((m) => m[0]).filter((n) => !own.has(n)).map((n) => `${f}: ${n}`));
      expect(strays).toEqual([]);
    });
  }
});
