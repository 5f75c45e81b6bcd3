// Where the two TypeScript compilers the repo uses live. TypeScript 7 (the native port, what
// `npm install typescript` gives a user today) does every type check and build in the workspace:
// it needs a fifth to a seventh of 5.9's CPU on these checks, which is most of the test suite's
// time. TypeScript 5.9 stays for its compiler API (openapi-typescript, which the generator runs,
// needs ^5; 7 has no such API) and for checking that consumers still on 5.9 can use what we publish.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
// Neither package exports `bin/tsc`; their package.json is exported, and the bin sits beside it.
const bin = (pkg) => join(dirname(require.resolve(`${pkg}/package.json`)), "bin/tsc");

/** TypeScript 7.0's `tsc` (root devDependency `typescript-7`, an alias of typescript@7.0.2): run it with `node`. */
export const TSC7 = bin("typescript-7");
/** TypeScript 5.9's `tsc` (root devDependency `typescript`): run it with `node`. */
export const TSC5 = bin("typescript");
