/**
 * Node 24 from the registry's `node` package, through npx (the repo's Node is 20; users run 22
 * and 24). npx installs it once into its cache, then the binary runs directly. Suites that run
 * side by side may ask at once on a machine where it is not cached yet, and concurrent npx
 * installs of one package can fail, so a failure is retried after a pause.
 */
import { execFile } from "node:child_process";

/** Resolves `{ path }` of the Node 24 binary, or `{ why }` in one line when npx cannot get it (offline, no registry). */
export async function node24({ attempts = 3, pauseMs = 5_000 } = {}) {
  let why = "no attempt";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const got = await new Promise((resolve) =>
      execFile("npx", ["-y", "node@24", "-p", "process.execPath"], { encoding: "utf8", timeout: 300_000 }, (error, stdout, stderr) => {
        if (!error && stdout.trim()) return resolve({ path: stdout.trim() });
        const lines = String(stderr || error?.message || "").split("\n");
        resolve({ why: (lines.find((l) => /^npm error code /.test(l)) ?? lines.find((l) => l.trim()) ?? "no output").replace(/^npm error /, "").trim() });
      }),
    );
    if (got.path) return got;
    why = got.why;
    if (attempt < attempts) await new Promise((r) => setTimeout(r, pauseMs * attempt));
  }
  return { why };
}
