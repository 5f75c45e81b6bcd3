/**
 * The mock engine (`@specforge/runtime/mocks`): seeded, schema-valid fixtures from MockSchema (see
 * schema.ts). The generator (@specforge/codegen) runs it at build time to write the committed
 * fixtures; generated mocks import it at run time for `make*({}, { seed })`, so both use exactly
 * one algorithm, and one copy of it.
 */
export { MockGenerator, type GeneratorOptions } from "./generator.js";
export { Validator } from "./validate.js";
export { Rng } from "./prng.js";
export { NONE, type MockSchema, type JsonType } from "./schema.js";
export { unicodePattern } from "./unicode-pattern.js";
export { defusePattern } from "./defuse-pattern.js";
export { compilePattern, type CompiledPattern } from "./compile-pattern.js";
