/**
 * The mock engine is `@specforge/runtime/mocks`: generated mocks import it at run time and the
 * generator runs the same code here, at build time. It is imported by path rather than by package
 * name so that every way the generator runs from source (tsx, vitest, the dev loop's child, the
 * bench's snapshot) gets the TypeScript source without a build of the runtime; the compiled CLI
 * gets a compiled copy in dist/runtime-mocks/ (scripts/build.mjs rewrites this import).
 */
export * from "../../../../../packages/runtime/src/mocks/index.js";
