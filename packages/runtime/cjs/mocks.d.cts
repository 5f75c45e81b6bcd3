export * from "../dist/mocks/index.js";
