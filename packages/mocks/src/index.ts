/**
 * Mock data of the Platform API, generated from the OpenAPI contract (`spec/`): deterministic,
 * valid against the spec, realistic, spec examples first.
 *
 * - `componentFixtures["User"]` — one fixture per component schema (plain JSON, original names);
 * - `fixtures.listUsers[200]` — the typed body of every documented response, by operation;
 * - `responseFixtures[operationId][status][mediaType]` — every response as plain JSON;
 * - `webhookEvents["order.created"]` / `webhookFixtures[name][mediaType]` — webhook payloads;
 * - `makeUser({ role: "admin" })`, `makeUser({}, { seed: 7 })` — fresh copies, overrides, other seeds.
 *
 * MSW handlers live in `@specforge/mocks/msw` (so this entry point never imports msw); the mock
 * spec Prism serves is `@specforge/mocks/openapi.mock.json`.
 */
export * from "./generated/mocks.gen.js";
