import { exampleBody, exampleId, notAUuid } from "../support/examples.js";
import { operation, type OperationCase } from "./define.js";

const path = { id: exampleId };

export const commerceCases: Record<string, OperationCase> = {
  listOrders: operation((api) => api.orders.list, { params: { query: { status: "pending", limit: 20 } } }, {
    init: { params: { query: { status: "lost" } } },
    violates: "request.query.status",
  }),
  createOrder: operation((api) => api.orders.create, { body: exampleBody("createOrder", "application/json") }, {
    init: { body: { ...exampleBody("createOrder", "application/json"), items: [] } },
    violates: "request.body",
  }),
  getOrder: operation((api) => api.orders.get, { params: { path } }, {
    init: { params: { path: { id: notAUuid } } },
    violates: "request.path.id",
  }),
  cancelOrder: operation((api) => api.orders.cancel, { params: { path }, body: exampleBody("cancelOrder", "application/json") }, {
    init: { params: { path }, body: { reason: "bored" } },
    violates: "request.body",
  }),
  processPayment: operation((api) => api.payments.process, { body: exampleBody("processPayment", "application/json", "card") }, {
    init: { body: { ...exampleBody("processPayment", "application/json", "card"), method: { type: "cash" } } },
    violates: "request.body",
  }),
  getPayment: operation((api) => api.payments.get, { params: { path } }, {
    init: { params: { path: { id: notAUuid } } },
    violates: "request.path.id",
  }),
  refundPayment: operation((api) => api.payments.refund, { params: { path }, body: exampleBody("refundPayment", "application/json", "partial") }, {
    init: { params: { path }, body: { amount: { amount: -5, currency: "EUR" } } },
    violates: "request.body",
  }),
};
