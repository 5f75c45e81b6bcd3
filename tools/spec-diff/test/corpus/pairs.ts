import type { NpmSpec } from "./npm-specs.js";

/** A version pair of a public API, as its vendor publishes the spec on npm, and what spec:diff finds in it. */
export interface CorpusPair {
  name: string;
  openapi: "2.0" | "3.0" | "3.1" | "3.0 → 3.1";
  base: NpmSpec;
  head: NpmSpec;
  /** Findings with the default configuration; a change here is a change of behaviour to review (README). */
  want: { breaking: number; warning: number; info: number };
}

const spec = (pkg: string, file: string) => (version: string): NpmSpec => ({ pkg, version, file });
const github = spec("@octokit/openapi", "generated/api.github.com.json");
const gitbook = spec("@gitbook/api", "spec/openapi.json");
const figma = spec("@figma/rest-api-spec", "openapi/openapi.yaml");
const netlify = spec("@netlify/open-api", "dist/swagger.json");
const dialogporten = spec("@digdir/dialogporten-schema", "swagger.verified.json");
const blockfrost = spec("@blockfrost/openapi", "openapi.yaml");

/**
 * The corpus: OpenAPI 2.0, 3.0 and 3.1, one spec over 10 MB (GitHub's REST API, 13 MB), one pair
 * across the 3.0 → 3.1 move. The counts are recorded from a reviewed run (tools/spec-diff/README.md
 * lists a sample of each pair's findings and what was checked).
 */
export const PAIRS: CorpusPair[] = [
  { name: "GitHub REST 22.0.0 → 23.0.2", openapi: "3.0", base: github("22.0.0"), head: github("23.0.2"), want: { breaking: 239, warning: 143, info: 2715 } },
  // 2.2.1's SCIM examples carry `"$ref": "https://api.github.com/…"` as data; 17.0.0 names 15 webhooks `push`.
  { name: "GitHub REST 2.2.1 → 10.0.0", openapi: "3.0", base: github("2.2.1"), head: github("10.0.0"), want: { breaking: 718, warning: 49, info: 6923 } },
  { name: "GitHub REST 16.6.0 → 17.0.0", openapi: "3.0", base: github("16.6.0"), head: github("17.0.0"), want: { breaking: 82, warning: 17, info: 1873 } },
  { name: "GitBook 0.137.0 → 0.143.2", openapi: "3.0", base: gitbook("0.137.0"), head: gitbook("0.143.2"), want: { breaking: 154, warning: 44, info: 447 } },
  { name: "GitBook 0.143.2 → 0.181.0", openapi: "3.0 → 3.1", base: gitbook("0.143.2"), head: gitbook("0.181.0"), want: { breaking: 934, warning: 268, info: 2715 } },
  { name: "GitBook 0.181.0 → 0.202.0", openapi: "3.1", base: gitbook("0.181.0"), head: gitbook("0.202.0"), want: { breaking: 734, warning: 50, info: 2395 } },
  { name: "Figma 0.20.0 → 0.27.0", openapi: "3.1", base: figma("0.20.0"), head: figma("0.27.0"), want: { breaking: 6, warning: 1, info: 52 } },
  { name: "Figma 0.33.0 → 0.43.0", openapi: "3.1", base: figma("0.33.0"), head: figma("0.43.0"), want: { breaking: 12, warning: 3, info: 107 } },
  { name: "Netlify 1.4.0 → 2.3.1", openapi: "2.0", base: netlify("1.4.0"), head: netlify("2.3.1"), want: { breaking: 0, warning: 0, info: 42 } },
  { name: "Netlify 2.37.0 → 2.60.0", openapi: "2.0", base: netlify("2.37.0"), head: netlify("2.60.0"), want: { breaking: 4, warning: 6, info: 244 } },
  { name: "Dialogporten 1.23.2 → 1.40.0", openapi: "3.0", base: dialogporten("1.23.2"), head: dialogporten("1.40.0"), want: { breaking: 107, warning: 40, info: 250 } },
  { name: "Dialogporten 1.40.0 → 1.118.6", openapi: "3.0", base: dialogporten("1.40.0"), head: dialogporten("1.118.6"), want: { breaking: 180, warning: 176, info: 473 } },
  { name: "Blockfrost 0.1.73 → 0.1.93", openapi: "3.0", base: blockfrost("0.1.73"), head: blockfrost("0.1.93"), want: { breaking: 1, warning: 5, info: 91 } },
];
