import { createRequire } from "node:module";
import type { Target } from "../emit/emitter.js";

/**
 * What the generated modules import, by target, with the versions they are built and tested
 * with: a project that uses the output installs these (`codegen --help` lists them). The runtime's
 * version is the one this generator ships with; zod and msw are the ranges the workspace's
 * generated packages declare as peers (a unit test keeps them equal).
 */
export const ZOD_RANGE = "^4.6.7";
export const MSW_RANGE = "^3.0.5";

interface RuntimeManifest {
  version: string;
  peerDependencies: Record<string, string>;
}

export function outputDependencies(): { target: Target; pkg: string; range: string; why: string }[] {
  const runtime = createRequire(import.meta.url)("@specforge/runtime/package.json") as RuntimeManifest;
  const openapiFetch = runtime.peerDependencies["openapi-fetch"] ?? "";
  return [
    { target: "zod", pkg: "zod", range: ZOD_RANGE, why: "the schemas (a peer: one zod in the app)" },
    { target: "client", pkg: "@specforge/runtime", range: runtime.version, why: "@specforge/runtime/client: the operation surface, retries, auth, errors" },
    { target: "client", pkg: "openapi-fetch", range: openapiFetch, why: "the fetch layer the runtime's client drives" },
    { target: "mocks", pkg: "@specforge/runtime", range: runtime.version, why: "@specforge/runtime/mocks: make*({ seed }) at run time" },
    { target: "mocks", pkg: "msw", range: MSW_RANGE, why: "only the msw handlers module (msw.gen.ts; Node >= 22.12)" },
  ];
}

export function outputDependenciesText(): string {
  const rows = outputDependencies();
  const width = Math.max(...rows.map((r) => `${r.pkg}@${r.range}`.length));
  return rows.map((r) => `  ${r.target.padEnd(7)}${`${r.pkg}@${r.range}`.padEnd(width + 2)}${r.why}`).join("\n");
}
