import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock the contract global setup started. */
    prismUrl: string;
    /** The spec Prism serves (the mock spec, or the bundle when the mock spec is missing). */
    prismSpec: string;
  }
}

export function prismUrl(): string {
  const url = inject("prismUrl");
  if (!url) throw new Error("No Prism URL: run the contract tests through test/vitest.config.ts (its contract project starts Prism)");
  return url;
}
