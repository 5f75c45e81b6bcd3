export * from "../dist/sync/index.js";
