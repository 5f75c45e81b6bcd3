export * from "../dist/msw.js";
