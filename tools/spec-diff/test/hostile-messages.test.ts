/**
 * spec:diff in CI reads a pull request's spec, ignore file and config, and its stderr and stdout
 * are the job's log, where a line starting with `::` is a GitHub workflow command. Given hostile
 * text in each place an error or a report quotes — a `$ref`, a missing file, a path key, an
 * operationId, info.version, an ignore entry, a config key — trying every line terminator, want
 * the documented exit code (2 for a spec or config error, 1 for a failing change) and every line
 * starting with spec:diff's own text: never the spec's, never `::` but the commands `--format
 * github` writes itself.
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { terminalText } from "@specforge/codegen/terminal-text";
import { ConfigError } from "../src/config.js";
import { GitError } from "../src/git.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const cli = join(repo, "tools/spec-diff/src/cli.ts");
const tsx = join(repo, "node_modules/.bin/tsx");

/** LF, CR, CRLF, VT, FF, NEL, LS and PS, each followed by a forged line. */
const BREAKS = ["\n", "\r", "\r\n", "\u000b", "\u000c", "\u0085", "\u2028", "\u2029"];
const evil = (tag: string) => `${tag}${BREAKS.map((b, i) => `${b}::error::FORGED-${tag}-${i}`).join("")}\nFORGED-line\n::stop-commands::FORGED-token`;
const RAW_BREAK = /[\r\u000b\u000c\u0085\u2028\u2029]/;
/** A workflow command of `--format github`: properties without a colon, a message that starts with spec:diff's text. */
const OWN_COMMAND = /^::(?:error|warning|notice) [^:]+::(?!::|FORGED)/;

function expectInert(output: string, github: boolean): void {
  expect(output).not.toMatch(RAW_BREAK);
  for (const line of output.split("\n")) {
    const start = line.trimStart(); // the runner trims leading white space before it looks for `::`
    if (github && line.startsWith("::")) expect(line).toMatch(OWN_COMMAND);
    else expect(start.startsWith("::"), line).toBe(false);
    expect(start.startsWith("FORGED"), line).toBe(false);
  }
}

const info = { title: "t", version: "1.0.0" };
const get = (operationId: string, schema: unknown = { type: "string" }) => ({ get: { operationId, responses: { "200": { description: "ok", content: { "application/json": { schema } } } } } });
const base = { openapi: "3.1.0", info, paths: { "/a": get("a"), "/keep": get("keep") } };

interface Case {
  name: string;
  head: unknown;
  files?: Record<string, string>;
  args?: string[];
  code: 1 | 2;
  /** Spec text the output must quote, escaped: proof the case reaches a message. */
  quoted?: string;
}

const CASES: Case[] = [
  { name: "a local $ref to a missing schema", head: { ...base, paths: { ...base.paths, "/a": get("a", { $ref: `#/components/schemas/No${evil("ref")}` }) } }, code: 2, quoted: evil("ref") },
  { name: "a $ref to a missing file", head: { ...base, paths: { ...base.paths, "/a": get("a", { $ref: `./missing${evil("file")}.json` }) } }, code: 2, quoted: evil("file") },
  {
    name: "broken $refs under a hostile path key (a list)",
    head: { ...base, paths: { [`/a${evil("path")}`]: get("a", { $ref: "#/components/schemas/Nope" }), "/keep": get("keep", { $ref: `#/x${evil("x")}` }) } },
    code: 2,
    quoted: evil("path"),
  },
  {
    name: "an ignore entry with a hostile rule",
    head: base,
    files: { "ignore.json": JSON.stringify([{ operation: evil("operation"), rule: evil("rule"), reason: "r" }]) },
    args: ["--ignore-file", "ignore.json"],
    code: 2,
    quoted: "::error::FORGED-rule-7", // JSON-quoted here; still one line
  },
  {
    name: "an ignore entry with a hostile key",
    head: base,
    files: { "ignore.json": JSON.stringify([{ operation: "a", rule: "*", reason: "r", [evil("key")]: 1 }]) },
    args: ["--ignore-file", "ignore.json"],
    code: 2,
  },
  { name: "a config file with a hostile rule id", head: base, files: { "config.json": JSON.stringify({ severity: { [evil("sev")]: "info" } }) }, args: ["--config", "config.json"], code: 2 },
];

/** A valid head whose path key, operationIds and info.version are hostile: the reports quote them. */
const reported = {
  openapi: "3.1.0",
  info: { title: evil("title"), version: evil("version") },
  paths: { [`/b${evil("path")}`]: get(evil("op")), "/keep": get("keep", { type: "string", enum: [evil("enum")] }) },
};

function run(dir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    delete env.GITHUB_STEP_SUMMARY;
    const child = spawn(tsx, [cli, ...args], { cwd: dir, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function diff(head: unknown, files: Record<string, string>, args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "spec-diff-hostile-msg-"));
  try {
    writeFileSync(join(dir, "base.json"), JSON.stringify(base));
    writeFileSync(join(dir, "head.json"), JSON.stringify(head));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return await run(dir, ["--base-spec", "base.json", "--spec", "head.json", ...args]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("spec:diff's messages quote a hostile spec, ignore file or config on one line", () => {
  it.concurrent.each(CASES)("$name: exit $code, one error line of our own", async ({ head, files, args, code, quoted }) => {
    const res = await diff(head, files ?? {}, args ?? []);
    expect({ code: res.code, internal: /internal error/.test(res.stderr) }, res.stderr).toEqual({ code, internal: false });
    expect(res.stderr).toMatch(/^spec:diff: error: /);
    expectInert(res.stdout, false);
    expectInert(res.stderr, false);
    if (quoted) expect(res.stderr).toContain(terminalText(quoted, true));
  });

  it.concurrent.each(["text", "markdown", "github", "json", "junit"])("a hostile path, operationId and info.version in the %s report: exit 1", async (format) => {
    const res = await diff(reported, {}, ["--format", format, "--changelog"]);
    expect(res.code, res.stderr).toBe(1);
    expect(res.stderr).toBe("");
    expect(res.stdout).toContain("FORGED-path-7");
    expectInert(res.stdout, format === "github");
  });

  it("ConfigError and GitError: a plain message is one line, whatever it quotes", () => {
    for (const err of [new ConfigError(`ignore.yaml: entry 1: rule ${evil("r")}`), new GitError(`git show: fatal: ${evil("g")}`)]) {
      expect(err.message).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
    }
  });
});
