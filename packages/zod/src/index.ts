/** zod v4 validators of the Platform API, generated from `spec/`. */
export * from "./generated/zod.gen.js";
