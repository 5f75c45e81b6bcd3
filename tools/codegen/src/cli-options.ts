/**
 * The codegen CLI's flags, for parseArgs: the CLI parses its argv with them, and the dev loop
 * parses each package's `generate` script with them, so both always read the same flags.
 */
export const CODEGEN_OPTIONS = {
  package: { type: "string" },
  config: { type: "string" },
  spec: { type: "string", short: "i" },
  out: { type: "string", short: "o" },
  targets: { type: "string" },
  "types-import": { type: "string" },
  "zod-import": { type: "string" },
  "import-extension": { type: "string" },
  seed: { type: "string" },
  "invalid-examples": { type: "string" },
  quiet: { type: "boolean" },
  verbose: { type: "boolean" },
  "warnings-file": { type: "string" },
  clean: { type: "boolean" },
} as const;
