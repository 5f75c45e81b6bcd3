export * from "../dist/node20.js";
