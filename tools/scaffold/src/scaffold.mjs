// Creates a new project of this repository's shape for another API's spec. Everything is written
// into a staging folder beside the target and swapped in whole (into an empty target folder given,
// its entries are moved, so the folder itself stays); if install, generate or git then
// fail (or a signal stops it) the target is removed again, so a failure leaves nothing behind
// and a re-run starts clean. The target must not exist or be empty (nothing the scaffold did not
// create is touched: an empty folder given is left empty).
import { spawn } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BFF, COPIED, copyFiles, PACKAGE_SHELLS, rewriter, SKIPPED, specforgeVersions } from "./copy-files.mjs";
import { splitSpec } from "./split-spec.mjs";
import { undoOnSignal } from "./on-signal.mjs";
import { releaseVersion } from "./release-tag.mjs";
import { missingSpecforgePackages, npmrc } from "./registry.mjs";
import { nextSteps } from "./next-steps.mjs";
import { bffApiFormats, bffPackageJson, bffReadme, withExampleNote } from "./bff-templates.mjs";
import { CI_RUN, configTs, GITIGNORE, readme, rootPackageJson, specPackageJson, TEST_VITEST_CONFIG, testFiles, turboJson, workspaceYaml } from "./templates.mjs";

export class ScaffoldError extends Error {
  name = "ScaffoldError";
}

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const KINDS = ["types", "zod", "client", "mocks"];
const SCOPE = /^@[a-z0-9][a-z0-9._~-]*$/;
const PNPM = ["-y", "pnpm@12.4.2"];

/**
 * @param {{ spec: string; scope: string; out: string; name?: string; install?: boolean; registry?: string; log?: (line: string) => void }} options
 * @returns {Promise<{ dir: string; name: string; next: string }>}
 */
export async function scaffold(options) {
  const log = options.log ?? (() => {});
  const fail = (message) => {
    throw new ScaffoldError(message);
  };
  const { scope } = options;
  if (!SCOPE.test(scope)) fail(`--scope must be an npm scope like "@acme", not ${JSON.stringify(scope)}`);
  const specFile = resolve(options.spec);
  if (!existsSync(specFile) || !statSync(specFile).isFile()) fail(`--spec ${specFile}: no such file`);
  const npmrcText = options.registry === undefined ? undefined : npmrc(options.registry, fail);
  let dest = resolve(options.out);
  // A symlink to a folder is that folder (the staging folder goes beside it, on its filesystem).
  if (lstatSync(dest, { throwIfNoEntry: false })?.isSymbolicLink()) {
    if (!existsSync(dest)) fail(`--out ${dest} is a symlink to nothing; give a new or empty folder (or a link to one)`);
    dest = realpathSync(dest);
  }
  if (existsSync(dest) && (!statSync(dest).isDirectory() || readdirSync(dest).length > 0)) fail(`--out ${dest} exists and is not an empty folder; the scaffold writes only into a new or empty one`);

  // The first folder of the path it had to create, if any: a failure removes that too.
  const madeParent = mkdirSync(dirname(dest), { recursive: true });
  const staging = `${dest}.scaffold-${process.pid}`;
  const work = mkdtempSync(join(tmpdir(), "specforge-scaffold-"));
  const destExisted = existsSync(dest);
  let swapped = false;
  // An empty folder given is kept (its mode, setgid, ACLs; a shell inside it): the project's
  // entries are moved into it, and an undo removes what appeared in it since, nothing else.
  let present;
  const undo = () => {
    rmSync(staging, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
    if (!destExisted) {
      if (swapped) rmSync(dest, { recursive: true, force: true });
    } else if (present) for (const entry of readdirSync(dest)) if (!present.has(entry)) rmSync(join(dest, entry), { recursive: true, force: true });
  };
  const undoAll = () => {
    undo();
    if (madeParent) rmSync(madeParent, { recursive: true, force: true });
  };
  const { children, stopping, disarm } = undoOnSignal(undoAll);
  const exec = async (cmd, args, cwd) => {
    const result = await run(cmd, args, cwd, children);
    // A signal stopped it: the handler undoes and exits; nothing more is run meanwhile.
    if (stopping()) await new Promise(() => {});
    return result;
  };
  let name;
  let version;
  try {
    log(`reading ${specFile}: bundling, converting Swagger 2.0 if needed, splitting into spec/`);
    const { info, lint } = await splitSpec(REPO, specFile, join(staging, "spec"), work, fail, log);
    if (lint.code !== 0) log(`note: redocly lint still reports problems it cannot ignore, in the new project's spec/ (split from ${specFile}):\n${lint.output.split("\n").filter((l) => l.trim() && !/--force|[╔║╚]/.test(l)).slice(-6).join("\n")}`);
    name = (options.name ?? (typeof info.title === "string" ? info.title : "")).trim() || "API";
    const release = releaseVersion(info.version);
    version = release.version;
    if (release.note && options.install !== false) log(`note: ${release.note}`);

    const versions = specforgeVersions(REPO);
    const rewrite = rewriter({ scope, name, versions, folders: Object.fromEntries([...KINDS, "bff"].map((k) => [k, k])) });
    copyFiles(REPO, staging, COPIED, rewrite, SKIPPED);
    copyFiles(REPO, staging, KINDS.flatMap(PACKAGE_SHELLS), rewrite, SKIPPED);
    copyFiles(REPO, staging, BFF, rewrite, SKIPPED);

    const json = (path, value) => write(staging, path, JSON.stringify(value, null, 2) + "\n");
    json("package.json", rootPackageJson(REPO, { scope, versions }));
    write(staging, "packages/bff/package.json", rewrite(JSON.stringify(bffPackageJson(REPO), null, 2), "package.json") + "\n");
    write(staging, "packages/bff/README.md", rewrite(bffReadme(REPO), "README.md"));
    write(staging, "packages/mocks/README.md", withExampleNote(readFileSync(join(staging, "packages/mocks/README.md"), "utf8")));
    write(staging, "packages/bff/src/api-formats.ts", bffApiFormats({ scope }));
    write(staging, "pnpm-workspace.yaml", workspaceYaml(REPO));
    write(staging, "turbo.json", rewrite(JSON.stringify(turboJson(REPO), null, 2), "turbo.json") + "\n");
    write(staging, "spec/turbo.json", rewrite(JSON.stringify(turboJson(REPO, "spec/turbo.json"), null, 2), "spec/turbo.json") + "\n");
    write(staging, "specforge.config.ts", configTs({ name, scope }));
    write(staging, "README.md", readme({ name, scope }));
    write(staging, ".gitignore", GITIGNORE);
    if (npmrcText) write(staging, ".npmrc", npmrcText);
    write(staging, ".ci/run", CI_RUN);
    chmodSync(join(staging, ".ci/run"), 0o755);
    const redocly = JSON.parse(readFileSync(join(REPO, "spec/package.json"), "utf8")).devDependencies["@redocly/cli"];
    json("spec/package.json", JSON.parse(JSON.stringify(specPackageJson({ scope, name, versions })).replace("__REDOCLY__", redocly)));
    for (const [path, value] of Object.entries(testFiles({ scope, versions }, REPO))) json(path, value);
    write(staging, "test/vitest.config.ts", TEST_VITEST_CONFIG);
    await signals();

    if (destExisted) {
      present = new Set(readdirSync(dest));
      for (const entry of readdirSync(staging)) renameSync(join(staging, entry), join(dest, entry));
      rmdirSync(staging);
    } else renameSync(staging, dest);
    swapped = true;
    rmSync(work, { recursive: true, force: true });
    await signals();

    if (options.install !== false) {
      log("installing (from the pnpm store when it can)");
      const offline = await exec("npx", [...PNPM, "install", "--offline"], dest);
      if (offline.code !== 0) {
        const online = await exec("npx", [...PNPM, "install"], dest);
        if (online.code !== 0) fail(missingSpecforgePackages(online.output, versions) ?? `pnpm install failed in ${dest}:\n${tail(online.output)}`);
      }
      log("generating the packages");
      const gen = await exec("npx", [...PNPM, "generate"], dest);
      if (gen.code !== 0) fail(`pnpm generate failed in ${dest}:\n${tail(gen.output)}`);
      if ((await exec("git", ["--version"], dest)).code === 0) {
        log(`committing, tagged v${version} (spec:diff's baseline)`);
        const who = (await exec("git", ["config", "user.email"], dest)).output.trim() ? [] : ["-c", "user.name=specforge scaffold", "-c", "user.email=scaffold@localhost"];
        for (const args of [["init", "-q"], ["add", "-A"], [...who, "commit", "-q", "-m", `${name}: project created from its OpenAPI spec`], [...who, "tag", `v${version}`]]) {
          const r = await exec("git", args, dest);
          if (r.code !== 0) fail(`git ${args.join(" ")} failed in ${dest}:\n${tail(r.output)}`);
        }
      }
    }
  } catch (err) {
    undoAll();
    if (swapped && err instanceof ScaffoldError) err.message += `\n(${destExisted ? `what was written into ${dest} was removed again, leaving it empty as it was` : `${dest} was removed again`}: nothing is left half-made, and a re-run starts clean)`;
    throw err;
  } finally {
    // A signal that came during the last synchronous stretch still undoes the work (and exits).
    await signals();
    disarm();
  }
  return { dir: dest, name, next: nextSteps({ dest, out: options.out, installed: options.install !== false }) };
}

/**
 * Lets the event loop turn once, so a SIGINT/SIGTERM that arrived during synchronous work
 * (splitting, copying, the swap) reaches its handler while it is still armed.
 */
const signals = () => new Promise((done) => setImmediate(done));

function write(root, path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

// Not spawnSync: a signal must reach the scaffold (and stop the child) while an install runs.
// Detached: each child is its own process group, which a signal stops whole (pnpm below npx).
function run(cmd, args, cwd, children) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    children.add(child);
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (output += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (output += d));
    child.on("error", (err) => ((output += String(err)), children.delete(child), done({ code: 1, output })));
    child.on("close", (code) => (children.delete(child), done({ code: code ?? 1, output })));
  });
}

const tail = (text) => text.split("\n").filter((l) => l.trim()).slice(-12).join("\n");
