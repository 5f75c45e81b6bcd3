export * from "../dist/sync/file-store.js";
