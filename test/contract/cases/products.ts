import { exampleBody, exampleId, notAUuid } from "../support/examples.js";
import { parameterExample } from "../support/spec.js";
import { operation, type OperationCase } from "./define.js";

const path = { id: exampleId };
// The client types make properties with a spec `default` required (openapi-typescript's defaultNonNullable),
// so the example states the default the server would assume anyway.
const newProduct = { stock: 0, ...exampleBody("createProduct", "application/json") };

export const productCases: Record<string, OperationCase> = {
  listProducts: operation((api) => api.products.list, { params: { query: { category: "keyboards", min_price: 1000, max_price: 50000 } } }, {
    init: { params: { query: { min_price: "cheap" } } },
    violates: "request.query.min_price",
  }),
  createProduct: operation((api) => api.products.create, { body: newProduct }, {
    init: { body: { ...newProduct, price: "129.99 EUR" } },
    violates: "request.body",
  }),
  // Resumes from a stored checkpoint (the spec's cursor example); `since` only starts a feed.
  listProductChanges: operation((api) => api.products.listChanges, { params: { query: { cursor: "eyJzZXEiOjEwMzl9", limit: Number(parameterExample("Limit")) } } }, {
    // Longer than the spec's maxLength 512: Prism accepts an empty `cursor=` as if it were absent.
    init: { params: { query: { cursor: "x".repeat(513), limit: 10 } } },
    violates: "request.query.cursor",
  }),
  getProduct: operation((api) => api.products.get, { params: { path } }, {
    init: { params: { path: { id: notAUuid } } },
    violates: "request.path.id",
  }),
  updateProduct: operation((api) => api.products.update, { params: { path }, body: exampleBody("updateProduct", "application/json") }, {
    init: { params: { path }, body: {} },
    violates: "request.body",
  }),
  deleteProduct: operation((api) => api.products.delete, { params: { path } }, {
    init: { params: { path: { id: notAUuid } } },
    violates: "request.path.id",
  }),
};
