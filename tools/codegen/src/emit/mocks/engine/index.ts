/** The mock engine: seeded, schema-valid fixtures from MockSchema (see schema.ts). */
export { MockGenerator, type GeneratorOptions } from "./generator.js";
export { Validator } from "./validate.js";
export { Rng } from "./prng.js";
export { NONE, type MockSchema, type JsonType } from "./schema.js";
