/**
 * The scaffold on real specs, tried as a new API team would: `pnpm scaffold` into a temporary
 * folder, then a fresh clone of what it committed, where the README's two commands run as
 * written — the main job (lint, generate, build, docs, then Prism answering a GET of the spec
 * with 2xx) and the test command (type checks and the generated contract suite against Prism).
 * While Prism runs, the scaffold's BFF (its CLI, as `pnpm bff` starts it) proxies a GET to it and
 * answers its own errors as RFC 9457 problems, webhooks checked against the spec's. Then: a second `generate` is byte-identical, `spec:diff` of the unchanged spec exits 0, and no
 * file names @specforge unless it is a package the project really uses.
 *
 * The project depends on specforge's published packages (@specforge/codegen, spec-diff, runtime)
 * at this repository's versions: they are built and published to a local Verdaccio first, which
 * every install of the project uses (third-party packages are proxied to the npm registry).
 *
 * SCAFFOLD_SPECS=<file,…> picks other specs (default: one Swagger 2.0, one 3.0 and the 3 MB 3.1
 * openai spec of ../shared/specs/real).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { exec, repoRoot } from "../../../test/support/exec.js";
import { startRegistry, upstreamUnreachable, type LocalRegistry } from "../../../test/support/registry.js";
import { SPECFORGE_PACKAGES, specforgeVersions } from "../src/copy-files.mjs";
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
const UPSTREAM = "https://registry.npmjs.org/";
const offline = await upstreamUnreachable(UPSTREAM).catch((err) => String(err));
if (offline) console.warn(`scaffold.test: skipped — a project installs from the npm registry (Verdaccio proxies third-party packages to it) and ${offline}`);

const work = mkdtempSync(join(tmpdir(), "specforge-scaffold-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let registry: LocalRegistry | undefined;
/** Installs resolve from the local registry, which has specforge's packages as this repository has them. */
// pnpm 12 reads pnpm_config_* (npm_config_registry would also make npx fetch pnpm itself there).
const registryEnv = () => ({ pnpm_config_registry: registry!.url });
const run = (cmd: string, args: string[], cwd: string, timeoutMs = 900_000) => exec(cmd, args, { cwd, timeoutMs, env: { CI: "1", ...registryEnv() } });

beforeAll(async () => {
  if (missing.length || offline) return;
  const filters = Object.keys(SPECFORGE_PACKAGES).map((name) => `--filter=${name}`);
  const build = await exec("npx", [...PNPM, "exec", "turbo", "run", "build", "--output-logs=errors-only", ...filters], { cwd: repoRoot, timeoutMs: 600_000 });
  expect(build.code, build.stdout + build.stderr).toBe(0);
  registry = await startRegistry(join(work, "registry"), UPSTREAM, ["@specforge/*"]);
  for (const dir of Object.values(SPECFORGE_PACKAGES)) {
    const env = { npm_config_userconfig: registry.npmrc, npm_config_registry: registry.url };
    const published = await exec("npx", [...PNPM, "publish", "--no-git-checks"], { cwd: join(repoRoot, dir), env, timeoutMs: 300_000 });
    expect(published.code, `${dir}: ${published.stdout}${published.stderr}${registry.output()}`).toBe(0);
  }
});
afterAll(() => registry?.stop());

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

/** `pnpm dev` in the project runs the installed generator's compiled loop: a save regenerates. */
async function checkDevLoop(dir: string) {
  const child = spawn(process.execPath, ["tools/scripts/dev.mjs", "--no-mock", "--no-docs"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c) => (out += String(c)));
  child.stderr.on("data", (c) => (out += String(c)));
  const waitFor = async (re: RegExp) => {
    const deadline = Date.now() + 300_000;
    while (!re.test(out)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`pnpm dev: no ${re} (exit ${child.exitCode}):\n${out.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const entry = join(dir, "spec/openapi.yaml");
  const before = readFileSync(entry, "utf8");
  try {
    await waitFor(/dev: ✓ \d+ ms \(start\)/);
    expect(out).not.toMatch(/tools\/codegen/);
    appendFileSync(entry, "# saved by the scaffold test\n");
    await waitFor(/dev: ✓ \d+ ms \((?!start)[^)]*openapi\.yaml/);
  } finally {
    child.kill("SIGTERM");
    writeFileSync(entry, before);
  }
}

describe.skipIf(missing.length > 0 || offline !== undefined)("pnpm scaffold on real specs", () => {
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
      const main = await startMainCommand(clone, port, docsPort, registryEnv());
      try {
        const bundle = JSON.parse(readFileSync(join(clone, "spec/dist/openapi.json"), "utf8"));
        const get = probe(bundle);
        // A spec may have none (ReadMe's webhooks or polymorphism examples): the contract suite
        // below still calls every operation against the mock.
        if (!get) console.log(`${name}: no GET without required parameters — the mock probe and the BFF proxy check are skipped`);
        if (get) {
          const res = await fetch(`http://127.0.0.1:${port}${get.path}`, { headers: get.headers });
          expect(res.status, `${get.path}: ${await res.text()}`).toBeGreaterThanOrEqual(200);
          expect(res.status).toBeLessThan(300);
        }
        expect((await fetch(`http://127.0.0.1:${docsPort}/`)).status).toBe(200);
        if (get) await checkBff(clone, `http://127.0.0.1:${port}`, bundle);
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

      await checkDevLoop(clone);

      // specforge's packages are dependencies at this repository's versions, not copies; @specforge
      // appears only as those packages.
      const own = new Set(Object.keys(SPECFORGE_PACKAGES));
      for (const dir of Object.values(SPECFORGE_PACKAGES)) expect(existsSync(join(clone, dir)), `${dir} is not copied`).toBe(false);
      const manifest = JSON.parse(readFileSync(join(clone, "package.json"), "utf8"));
      expect(manifest.devDependencies["@specforge/codegen"]).toBe(specforgeVersions(repoRoot)["@specforge/codegen"]);
      const files = execFileSync("git", ["ls-files"], { cwd: clone, encoding: "utf8" }).split("\n").filter((f) => f && f !== "pnpm-lock.yaml");
      const strays = files.flatMap((f) => [...readFileSync(join(clone, f), "utf8").matchAll(/@specforge\/[a-z0-9-]+/g)].map((m) => m[0]).filter((n) => !own.has(n)).map((n) => `${f}: ${n}`));
      expect(strays).toEqual([]);
    });
  }
});
