/**
 * Peer code generators: pinned versions, on-demand install into bench/.peers/ (ignored by git, not
 * part of the workspace install), and the command of each (peer, task).
 *
 * Versions follow /work/shared/anchors/peer-codegen.md: openapi-typescript 7.13.0, Orval 8.x,
 * @hey-api/openapi-ts 0.99.x, Kubb 4.x, openapi-zod-client 1.18.3. Where the anchor gives only the
 * major (Orval, Kubb) we pin the newest release of that major whose plugins all exist at the same
 * version (Kubb: @kubb/plugin-faker and @kubb/plugin-msw stop at 4.37.x on npm, so 4.37.5 everywhere).
 *
 * Two install folders: `main` (everything, with zod 4, msw and faker that the outputs import, so
 * that `tsc` resolves them) and `ozc` (openapi-zod-client needs zod 3 + @zodios/core, which would
 * conflict with zod 4).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const KUBB = "4.37.5";

export const GROUPS = {
  main: {
    "openapi-typescript": "7.13.0",
    "@hey-api/openapi-ts": "0.99.0",
    orval: "8.38.0",
    "@kubb/cli": KUBB,
    "@kubb/core": KUBB,
    "@kubb/plugin-oas": KUBB,
    "@kubb/plugin-ts": KUBB,
    "@kubb/plugin-zod": KUBB,
    "@kubb/plugin-client": KUBB,
    "@kubb/plugin-faker": KUBB,
    "@kubb/plugin-msw": KUBB,
    // What the outputs import (for tsc), pinned like the workspace where it has them.
    typescript: "5.9.3",
    zod: "4.6.7",
    msw: "3.0.5",
    "@faker-js/faker": "10.6.0",
  },
  ozc: {
    "openapi-zod-client": "1.18.3",
  },
} satisfies Record<string, Record<string, string>>;

export type Group = keyof typeof GROUPS;

export type Task = "types" | "zod" | "client" | "mock";

export interface CommandContext {
  /** Absolute path of the spec. */
  spec: string;
  /** Absolute output folder (empty, created by the bench). */
  out: string;
  /** Absolute install folder of the peer's group (cwd of the command). */
  prefix: string;
  /** Folder for config files the command needs. */
  cfgDir: string;
  /** Unique name of this job (for config file names). */
  name: string;
}

export interface PeerJob {
  tool: string;
  task: Task;
  group: Group;
  /** Part of --quick. */
  quick?: boolean;
  /** What the peer is asked to produce (for the README). */
  what: string;
  command(ctx: CommandContext): { cmd: string; args: string[] };
}

const bin = (prefix: string, name: string) => join(prefix, "node_modules", ".bin", name);

const heyApi = (task: Task, plugins: string[], what: string, quick = false): PeerJob => ({
  tool: "hey-api",
  task,
  group: "main",
  quick,
  what: `openapi-ts -p ${plugins.join(" ")}`,
  command: ({ spec, out, prefix }) => ({
    cmd: bin(prefix, "openapi-ts"),
    args: ["-i", spec, "-o", out, "-p", ...plugins, "-s", "--no-log-file"],
  }),
});

const orval = (task: Task, args: string[]): PeerJob => ({
  tool: "Orval",
  task,
  group: "main",
  what: `orval ${args.join(" ")} (mode single)`,
  command: ({ spec, out, prefix }) => ({ cmd: bin(prefix, "orval"), args: ["-i", spec, "-o", join(out, "api.ts"), ...args, "--log-level", "warn"] }),
});

const KUBB_PLUGINS = {
  oas: ["@kubb/plugin-oas", "pluginOas", "{ generators: [] }"],
  ts: ["@kubb/plugin-ts", "pluginTs", ""],
  zod: ["@kubb/plugin-zod", "pluginZod", ""],
  client: ["@kubb/plugin-client", "pluginClient", "{ client: 'fetch' }"],
  faker: ["@kubb/plugin-faker", "pluginFaker", ""],
  msw: ["@kubb/plugin-msw", "pluginMsw", "{ parser: 'faker' }"],
} as const;

const kubb = (task: Task, plugins: (keyof typeof KUBB_PLUGINS)[]): PeerJob => ({
  tool: "Kubb",
  task,
  group: "main",
  what: `kubb generate, plugins ${plugins.join(" + ")} (format/lint off, no barrels)`,
  command: ({ spec, out, prefix, cfgDir, name }) => {
    const used = plugins.map((p) => KUBB_PLUGINS[p]);
    const config = [
      `import { defineConfig } from "@kubb/core";`,
      ...used.map(([pkg, fn]) => `import { ${fn} } from "${pkg}";`),
      `export default defineConfig({`,
      `  root: ${JSON.stringify(prefix)},`,
      `  input: { path: ${JSON.stringify(spec)} },`,
      `  output: { path: ${JSON.stringify(out)}, clean: true, format: false, lint: false, barrelType: false },`,
      `  plugins: [${used.map(([, fn, opts]) => `${fn}(${opts})`).join(", ")}],`,
      `});`,
    ].join("\n");
    // Kubb resolves its config's imports from the config's folder: keep it inside the prefix.
    const file = join(cfgDir, `kubb.${name}.config.mjs`);
    writeFileSync(file, config + "\n");
    return { cmd: bin(prefix, "kubb"), args: ["generate", "-c", file, "-s"] };
  },
});

/** Every (peer, task) of the anchors, in the order they run. */
export const PEER_JOBS: PeerJob[] = [
  {
    tool: "ots",
    task: "types",
    group: "main",
    quick: true,
    what: "openapi-typescript <spec> -o schema.ts",
    command: ({ spec, out, prefix }) => ({ cmd: bin(prefix, "openapi-typescript"), args: [spec, "-o", join(out, "schema.ts")] }),
  },
  heyApi("types", ["@hey-api/typescript"], "types"),
  heyApi("zod", ["zod"], "zod", true),
  heyApi("client", ["@hey-api/client-fetch", "@hey-api/typescript", "@hey-api/sdk"], "client"),
  heyApi("mock", ["@hey-api/typescript", "@faker-js/faker", "msw"], "mock"),
  orval("zod", ["--client", "zod"]),
  orval("client", ["--client", "fetch"]),
  orval("mock", ["--client", "fetch", "--mock"]),
  kubb("types", ["oas", "ts"]),
  kubb("zod", ["oas", "zod"]),
  kubb("client", ["oas", "ts", "client"]),
  kubb("mock", ["oas", "ts", "faker", "msw"]),
  {
    tool: "ozc",
    task: "zod",
    group: "ozc",
    what: "openapi-zod-client <spec> -o client.ts (default template: zodios)",
    command: ({ spec, out, prefix }) => ({ cmd: bin(prefix, "openapi-zod-client"), args: [spec, "-o", join(out, "client.ts")] }),
  },
];

export interface InstallResult {
  ok: boolean;
  prefix: string;
  seconds: number;
  reason: string;
  versions: Record<string, string>;
}

/**
 * Installs a group into `<peersDir>/<group>` unless the same pinned set is already there
 * (`npm install` with a generated package.json; the folder is ignored by git).
 */
export async function ensureGroup(peersDir: string, group: Group, timeoutMs: number, log: (m: string) => void): Promise<InstallResult> {
  const prefix = join(peersDir, group);
  const deps = GROUPS[group] as Record<string, string>;
  const want = JSON.stringify(deps);
  const marker = join(prefix, ".installed.json");
  const started = performance.now();
  mkdirSync(prefix, { recursive: true });
  const versions = () => Object.fromEntries(Object.keys(deps).map((d) => [d, installedVersion(prefix, d) ?? "missing"]));
  if (existsSync(marker) && readFileSync(marker, "utf8") === want && Object.values(versions()).every((v) => v !== "missing")) {
    return { ok: true, prefix, seconds: 0, reason: "", versions: versions() };
  }
  writeFileSync(join(prefix, "package.json"), JSON.stringify({ name: `specforge-bench-peers-${group}`, private: true, type: "module", dependencies: deps }, null, 2) + "\n");
  log(`installing ${group} peers into ${prefix} (npm install, once) …`);
  try {
    await run("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--loglevel=error", "--no-update-notifier"], {
      cwd: prefix,
      timeout: timeoutMs,
      maxBuffer: 64 << 20,
      env: { ...process.env, npm_config_engine_strict: "false" },
    });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    return { ok: false, prefix, seconds: (performance.now() - started) / 1000, reason: (e.stderr || e.message).trim().split("\n").slice(-3).join(" | "), versions: versions() };
  }
  writeFileSync(marker, want);
  return { ok: true, prefix, seconds: (performance.now() - started) / 1000, reason: "", versions: versions() };
}

export function installedVersion(prefix: string, pkg: string): string | undefined {
  try {
    return JSON.parse(readFileSync(join(prefix, "node_modules", pkg, "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
}

/** GitHub's REST description, fetched with `npm pack` like the peers (once). */
export const GITHUB_PKG = "@octokit/openapi@23.0.2";

export async function ensureGithubSpec(peersDir: string, timeoutMs: number, log: (m: string) => void): Promise<string> {
  const dir = join(peersDir, "specs");
  const file = join(dir, "api.github.com-23.0.2.json");
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  log(`fetching ${GITHUB_PKG} (npm pack, once) …`);
  const { stdout } = await run("npm", ["pack", GITHUB_PKG, "--pack-destination", dir, "--silent"], { cwd: dir, timeout: timeoutMs, maxBuffer: 16 << 20 });
  const tgz = join(dir, stdout.trim().split("\n").pop()!);
  await run("tar", ["-xzf", tgz, "-C", dir, "package/generated/api.github.com.json"], { timeout: timeoutMs });
  await run("mv", [join(dir, "package/generated/api.github.com.json"), file]);
  await run("rm", ["-rf", join(dir, "package"), tgz]);
  return file;
}
