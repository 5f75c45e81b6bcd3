export * from "../dist/client/api-core.js";
