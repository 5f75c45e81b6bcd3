import { exampleBody } from "../support/examples.js";
import { operation, type OperationCase } from "./define.js";

export const authCases: Record<string, OperationCase> = {
  login: operation((api) => api.auth.login, { body: exampleBody("login", "application/json") }, {
    init: { body: { email: "ada.lovelace@example.com" } },
    violates: "request.body",
  }),
  refreshToken: operation((api) => api.auth.refreshToken, { body: exampleBody("refreshToken", "application/json") }, {
    init: { body: {} },
    violates: "request.body",
  }),
  logout: operation((api) => api.auth.logout, {}, { unauthenticated: "logout has no parameters and no body" }),
  // A plain object: the client form-encodes it, as the spec declares only application/x-www-form-urlencoded.
  issueOAuthToken: operation(
    (api) => api.auth.issueOAuthToken,
    { body: exampleBody("issueOAuthToken", "application/x-www-form-urlencoded", "client_credentials") },
    { init: { body: { grant_type: "password", username: "ada", password: "x" } }, violates: "request.body" },
  ),
};
