import { defineConfig } from "@specforge/codegen/config";

// The one place that names the API, its spec, the npm scope and the generated packages: every
// script (generate, dev, mock, start, contract, docs, spec:diff, bff, release) and the turbo
// pipeline read it. Change the scope or the spec here and `pnpm generate` follows.
export default defineConfig({
  name: "Platform API",
  spec: "spec/openapi.yaml",
  scope: "@specforge",
  packages: { types: "types", client: "client", zod: "zod", mocks: "mocks" },
  codegen: { seed: 1, invalidExamples: "error" },
  mock: { host: "127.0.0.1", port: 4010 },
  docs: { port: 4011 },
  contract: { cases: "test/contract/cases" },
  bff: { port: 8787 },
});
