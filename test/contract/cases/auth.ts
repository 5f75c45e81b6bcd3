import { exampleBody } from "../support/examples.js";
import { operation, type OperationCase } from "./define.js";

const form = { "Content-Type": "application/x-www-form-urlencoded" };

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
  // openapi-fetch form-encodes the body only when told the content type.
  issueOAuthToken: operation(
    (api) => api.auth.issueOAuthToken,
    { body: exampleBody("issueOAuthToken", "application/x-www-form-urlencoded", "client_credentials"), headers: form },
    { init: { body: { grant_type: "password", username: "ada", password: "x" }, headers: form }, violates: "request.body" },
  ),
};
