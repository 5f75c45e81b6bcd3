export * from "../dist/auth/encrypted-store.js";
