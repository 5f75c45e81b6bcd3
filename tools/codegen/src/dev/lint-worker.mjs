// Lints the spec off the main thread, so that on a 2-core machine the lint runs while the main
// thread bundles and regenerates; the loop publishes the new output only once the lint passed.
// Messages in: { id, type: "lint" } | { id, type: "reload" } (the config changed). Out: { id, ok, problems | message }.
import { parentPort, workerData } from "node:worker_threads";
import { createParseCache, lintSpec, loadRedoclyEngine, loadSpecConfig } from "./redocly-engine.mjs";

const { cliDir, configFile, entry, cwd } = workerData;
const engine = await loadRedoclyEngine({ cliDir });
let config = await loadSpecConfig(engine, configFile);
const cache = createParseCache(engine);

parentPort.on("message", async ({ id, type }) => {
  try {
    if (type === "reload") {
      config = await loadSpecConfig(engine, configFile);
      parentPort.postMessage({ id, ok: true, problems: [] });
      return;
    }
    parentPort.postMessage({ id, ok: true, problems: await lintSpec(engine, config, entry, cwd, cache) });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
parentPort.postMessage({ id: 0, ok: true, ready: true });
