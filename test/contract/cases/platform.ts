import { exampleBody, exampleId, notAUuid } from "../support/examples.js";
import { requestExample } from "../support/spec.js";
import { operation, type OperationCase } from "./define.js";

const path = { id: exampleId };

/**
 * The spec's multipart example with a real file: a plain object, which the client sends as the
 * multipart form the spec declares (a File for the binary part: the body type takes one).
 */
function upload(): { file: File; description?: string } {
  const example = requestExample("createUpload", "multipart/form-data") as { file: string; description?: string };
  return { file: new File([example.file], "contract.pdf", { type: "application/pdf" }), ...(example.description !== undefined ? { description: example.description } : {}) };
}

export const platformCases: Record<string, OperationCase> = {
  createUpload: operation((api) => api.uploads.create, { body: upload() }, { init: { body: { description: "no file part" } }, violates: "request.body" }),
  createExport: operation((api) => api.exports.create, { body: exampleBody("createExport", "application/json") }, {
    init: { body: { resource: "invoices", format: "csv" } },
    violates: "request.body",
  }),
  getExport: operation((api) => api.exports.get, { params: { path } }, {
    init: { params: { path: { id: notAUuid } } },
    violates: "request.path.id",
  }),
  listApps: operation((api) => api.marketplace.listApps, { params: { query: { category: "communication", page: 1 } } }, {
    init: { params: { query: { category: "games" } } },
    violates: "request.query.category",
  }),
  listTrendingApps: operation((api) => api.marketplace.listTrendingApps, { params: { query: { window: "7d", limit: 10 } } }, {
    init: { params: { query: { window: "decade" } } },
    violates: "request.query.window",
  }),
  listWebhookSubscriptions: operation((api) => api.webhooks.listSubscriptions, { params: { query: { limit: 20 } } }, {
    init: { params: { query: { limit: 101 } } },
    violates: "request.query.limit",
  }),
  createWebhookSubscription: operation((api) => api.webhooks.createSubscription, { body: exampleBody("createWebhookSubscription", "application/json") }, {
    init: { body: { ...exampleBody("createWebhookSubscription", "application/json"), url: "http://hooks.example.org/insecure" } },
    violates: "request.body",
  }),
  deleteWebhookSubscription: operation((api) => api.webhooks.deleteSubscription, { params: { path } }, {
    init: { params: { path: { id: notAUuid } } },
    violates: "request.path.id",
  }),
};
