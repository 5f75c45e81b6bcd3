// `pnpm mock`: the Prism mock server on the bundled spec, for consumers, on 127.0.0.1:4010.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("../../", import.meta.url));
const { values } = parseArgs({
  options: { port: { type: "string" }, host: { type: "string" }, spec: { type: "string" } },
  strict: false,
});
const port = String(values.port ?? process.env.PORT ?? 4010);
const host = String(values.host ?? process.env.HOST ?? "127.0.0.1");
const spec = String(values.spec ?? `${root}spec/dist/openapi.yaml`);
if (!existsSync(spec)) {
  console.error(`mock: ${spec} does not exist; run \`npx -y pnpm@12.4.2 build\` first.`);
  process.exit(1);
}
const prism = spawn(`${root}node_modules/.bin/prism`, ["mock", spec, "-h", host, "-p", port, "--cors"], {
  stdio: ["ignore", "pipe", "inherit"],
});
let announced = false;
prism.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Prism is listening/.test(String(chunk))) {
    announced = true;
    console.log(`\nMock Platform API ready at http://${host}:${port} (spec: ${spec}). Ctrl+C stops it.\n`);
  }
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => prism.kill(sig));
prism.on("exit", (code) => process.exit(code ?? 0));
