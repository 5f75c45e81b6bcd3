import { exampleBody, exampleId, notAUuid } from "../support/examples.js";
import { operation, type OperationCase } from "./define.js";

const path = { id: exampleId };
// The client types make properties with a spec `default` required (openapi-typescript's defaultNonNullable),
// so the example states the default the server would assume anyway.
const newUser = { active: true, ...exampleBody("createUser", "application/json") };
const bulk = exampleBody("bulkCreateUsers", "application/json");
const bulkUsers = { items: bulk.items.map((u) => ({ active: true, ...u })) };

export const userCases: Record<string, OperationCase> = {
  listUsers: operation((api) => api.users.list, { params: { query: { page: 1, limit: 20, role: "admin", active: true } } }, {
    init: { params: { query: { role: "superuser" } } },
    violates: "request.query.role",
  }),
  createUser: operation((api) => api.users.create, { body: newUser }, {
    init: { body: { name: "Grace Hopper", password: "a-long-enough-password" } },
    violates: "request.body",
  }),
  getCurrentUser: operation((api) => api.users.getCurrent, {}, { unauthenticated: "getCurrentUser has no parameters and no body" }),
  bulkCreateUsers: operation((api) => api.users.bulkCreate, { body: bulkUsers }, {
    init: { body: { items: [] } },
    violates: "request.body",
  }),
  getUser: operation((api) => api.users.get, { params: { path } }, {
    init: { params: { path: { id: notAUuid } } },
    violates: "request.path.id",
  }),
  replaceUser: operation((api) => api.users.replace, { params: { path }, body: exampleBody("replaceUser", "application/json") }, {
    init: { params: { path }, body: { name: "Ada", role: "admin", active: true } },
    violates: "request.body",
  }),
  updateUser: operation((api) => api.users.update, { params: { path }, body: exampleBody("updateUser", "application/json") }, {
    init: { params: { path }, body: { role: "superuser" } },
    violates: "request.body",
  }),
  listProfiles: operation((api) => api.profiles.list, { params: { query: { page: 1, limit: 10 } } }, {
    init: { params: { query: { limit: 0 } } },
    violates: "request.query.limit",
  }),
  activateProfile: operation((api) => api.profiles.activate, { params: { path } }, {
    init: { params: { path: { id: notAUuid } } },
    violates: "request.path.id",
  }),
};
