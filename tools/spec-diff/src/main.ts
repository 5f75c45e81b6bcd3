import { appendFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SpecError } from "@specforge/codegen/model";
import { Message, errorText, terminalText } from "@specforge/codegen/terminal-text";
import { tuneJitForBatch } from "@specforge/codegen/jit-flags";
import { runSpecDiff } from "./run.js";
import { render, renderMarkdown } from "./format/index.js";
import { repoPath } from "./format/github.js";
import { ConfigError, FORMATS, readConfigFile, resolveConfigPaths, validateConfig, type FailOn, type Format, type SpecDiffConfig } from "./config.js";
import { ConfigError as ProjectConfigError, findConfig, loadConfig, type ResolvedConfig } from "@specforge/codegen/config";
import { GitError, repoRoot } from "./git.js";

// One short batch run over a large object graph: the generator's JIT settings save it ~20% CPU too.
tuneJitForBatch();

const USAGE = `Usage: spec:diff [--base <git-ref> | --base-spec <file>] [--head <git-ref>] [options]
       (installed from npm: specforge-spec-diff …, or npx @specforge/spec-diff …)

Compares the OpenAPI contract with a base version and classifies every change as breaking, warning
or info, with the operation, rule, JSON pointer and reason. Exits 1 when a change at or above
--fail-on is neither accepted by the ignore file nor allowed by a major version bump
(info.version, or a pending changeset for the spec packages).

Options:
  --base <ref>          git ref of the base (default: last release tag v* or @specforge/*@*,
                        else origin/main, else HEAD~)
  --base-spec <file>    compare with this spec file instead of a git ref (pending changesets are
                        then not read, unless --changeset-dir is given)
  --head <ref>          git ref of the head (default: the working tree)
  --spec <file>         root file of the spec (default: the spec specforge.config.ts names, else
                        spec/openapi.yaml of the repository)
  --format <f>          text (default), json, markdown (a PR comment), junit (XML), github
                        (workflow-command annotations)
  --json                the same as --format json
  --changelog           list every change, not only breaking changes, warnings and accepted ones
  --fail-on <level>     breaking (default) or warning: the lowest severity that fails
  --ignore-file <file>  accepted changes, relative to the current folder (default: the config's
                        ignoreFile, else .spec-diff-ignore.yaml at the repository root, when there)
  --config <file>       a JSON file with spec-diff's settings: severity per rule, failOn,
                        ignoreFile, format, changelog (default: the specDiff section of
                        specforge.config.ts; flags win over it). A relative ignoreFile in either
                        is relative to that file's folder
  --write-changeset     write .changeset/spec-<hash>.md bumping the generated packages (types,
                        client, zod, mocks; named as specforge.config.ts says) by the proposed
                        bump, with the changes as its summary
  --changeset-dir <d>   where changesets live (default: .changeset of the repository)
  -h, --help            this text

Exit codes: 0 nothing fails the gate (or a major bump allows it), 1 changes at or above --fail-on
without a major bump, 2 bad usage, a spec, git, config or ignore-file error.`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        base: { type: "string" },
        "base-spec": { type: "string" },
        head: { type: "string" },
        spec: { type: "string" },
        json: { type: "boolean" },
        format: { type: "string" },
        changelog: { type: "boolean" },
        "fail-on": { type: "string" },
        "ignore-file": { type: "string" },
        config: { type: "string" },
        "write-changeset": { type: "boolean" },
        "changeset-dir": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    return usage((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (values.base && values["base-spec"]) return usage("--base and --base-spec exclude each other");
  if (values.format !== undefined && !FORMATS.includes(values.format as Format)) return usage(`--format must be one of ${FORMATS.join(", ")}`);
  if (values.json && values.format !== undefined && values.format !== "json") return usage("--json and --format exclude each other");
  const failOn = values["fail-on"];
  if (failOn !== undefined && failOn !== "breaking" && failOn !== "warning") return usage("--fail-on must be breaking or warning");
  try {
    // The project's specforge.config.ts, when there: the spec, the packages changesets bump, and
    // its specDiff section (a --config file wins over it).
    const project = await projectConfig();
    const config: SpecDiffConfig = values.config ? readConfigFile(resolve(values.config)) : project ? specDiffSection(project) : {};
    const spec = values.spec ?? project?.spec.entry;
    const format: Format = values.json ? "json" : ((values.format as Format | undefined) ?? config.format ?? "text");
    const changelog = values.changelog === true || (values.changelog === undefined && config.changelog === true);
    const result = await runSpecDiff({
      ...(values.base ? { base: values.base } : {}),
      ...(values["base-spec"] ? { baseSpec: values["base-spec"] } : {}),
      ...(values.head ? { head: values.head } : {}),
      ...(spec ? { spec } : {}),
      ...(project ? { packages: project.packages.map((p) => p.name) } : {}),
      ...(values["changeset-dir"] ? { changesetDir: values["changeset-dir"] } : {}),
      ...(failOn ? { failOn: failOn as FailOn } : {}),
      ...(values["ignore-file"] ? { ignoreFile: values["ignore-file"] } : {}),
      config,
      writeChangeset: values["write-changeset"] === true,
    });
    let github = {};
    if (format === "github") {
      const root = tryRepoRoot();
      const specFile = repoPath(root, resolve(spec ?? join(root, "spec/openapi.yaml")));
      const ignoreFile = result.ignore ? repoPath(root, result.ignore.file) : undefined;
      github = { ...(specFile ? { specFile } : {}), ...(ignoreFile ? { ignoreFile } : {}) };
      // The job's summary page shows the markdown report.
      const summary = process.env.GITHUB_STEP_SUMMARY;
      if (summary) appendFileSync(summary, renderMarkdown(result, changelog) + "\n");
    }
    process.stdout.write(render(result, format, changelog, github));
    return result.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof SpecError || err instanceof GitError || err instanceof ConfigError) {
      // Spec errors quote the spec (names, pointers): no control sequences reach the terminal, and
      // spec text is one line inside them (SpecError, ConfigError, GitError), so every line of the
      // message starts with spec:diff's own text.
      process.stderr.write(`spec:diff: error: ${terminalText(err.message)}\n`);
      return 2;
    }
    process.stderr.write(`spec:diff: internal error: ${errorText(err)}\n`);
    return 2;
  }
}

function usage(message: string): number {
  process.stderr.write(`spec:diff: ${terminalText(message)}\n\n${USAGE}\n`);
  return 2;
}

function tryRepoRoot(): string {
  try {
    return repoRoot(process.cwd());
  } catch {
    return process.cwd();
  }
}

// exitCode rather than exit(): a long report written to a pipe is flushed before the process ends.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

/**
 * The specDiff section of specforge.config.ts, checked (errors name the file and the key, e.g.
 * `specforge.config.ts: specDiff.severity.x: unknown rule`), its relative paths made absolute from
 * the config file's folder: the same setting wherever in the project the command runs.
 */
function specDiffSection(project: ResolvedConfig): SpecDiffConfig {
  const file = project.file ?? join(project.root, "specforge.config.ts");
  return resolveConfigPaths(validateConfig(project.specDiff, relative(process.cwd(), file) || file, "specDiff"), project.root);
}

/** The nearest specforge.config.ts, resolved; undefined when there is none. */
async function projectConfig(): Promise<ResolvedConfig | undefined> {
  if (!findConfig()) return undefined;
  try {
    return await loadConfig();
  } catch (err) {
    // Already shown under codegen's rule (and the config is the project's own code): kept as it is.
    throw err instanceof ProjectConfigError ? new ConfigError(new Message(err.message)) : err;
  }
}
