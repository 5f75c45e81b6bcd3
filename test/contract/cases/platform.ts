import { exampleBody, exampleId, notAUuid } from "../support/examples.js";
import { requestExample } from "../support/spec.js";
import { operation, type OperationCase } from "./define.js";

const path = { id: exampleId };

type UploadBody = ReturnType<typeof exampleBody<"createUpload", "multipart/form-data">>;

/** The spec's multipart example as a real multipart form (the example only describes the parts). */
function uploadForm(withFile: boolean): UploadBody {
  const example = requestExample("createUpload", "multipart/form-data") as { file: string; description?: string };
  const form = new FormData();
  if (withFile) form.append("file", new Blob([example.file], { type: "application/pdf" }), "contract.pdf");
  if (example.description !== undefined) form.append("description", example.description);
  // The client types the body as the schema's object; openapi-fetch sends FormData as-is.
  return form as unknown as UploadBody;
}

export const platformCases: Record<string, OperationCase> = {
  createUpload: operation((api) => api.uploads.create, { body: uploadForm(true) }, { init: { body: uploadForm(false) }, violates: "request.body" }),
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
