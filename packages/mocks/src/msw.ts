/**
 * MSW 3 request handlers of the Platform API, answering with the generated fixtures.
 *
 * ```ts
 * import { setupServer } from "msw/node";
 * import { handlers, handlerFor, errorHandlers } from "@specforge/mocks/msw";
 *
 * const server = setupServer(...handlers);          // every operation → its first 2xx fixture
 * server.use(handlerFor("getUser", "404"));         // one operation → a documented status
 * server.use(...errorHandlers(500));                // every operation documenting 500 → 500
 * ```
 *
 * Paths match any origin by default; pass `{ baseUrl: "https://api.example.com/v1" }` to
 * `createHandlers` / `handlerFor` to pin one.
 */
export * from "./generated/msw.gen.js";
