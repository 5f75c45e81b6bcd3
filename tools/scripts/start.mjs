// The main job after `turbo run build` (lint → bundle → generate → build): serve the mock API.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const mock = fileURLToPath(new URL("./mock.mjs", import.meta.url));
const child = spawn(process.execPath, [mock, ...process.argv.slice(2)], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
