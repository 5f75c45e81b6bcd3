import { exampleBody, exampleId, notAUuid } from "../support/examples.js";
import { operation, stream, type OperationCase } from "./define.js";

const path = { id: exampleId };
// The client types make properties with a spec `default` required (openapi-typescript's defaultNonNullable),
// so the example states the default the server would assume anyway.
const newSession = { duration_minutes: 60, ...exampleBody("createCoachingSession", "application/json") };
const conclusion = { action_items: [], ...exampleBody("concludeCoachingSession", "application/json") };

export const coachingCases: Record<string, OperationCase> = {
  listCoachingSessions: operation((api) => api.coaching.listSessions, { params: { query: { status: "scheduled" } } }, {
    init: { params: { query: { status: "postponed" } } },
    violates: "request.query.status",
  }),
  createCoachingSession: operation((api) => api.coaching.createSession, { body: newSession }, {
    init: { body: { topic: "Delegation", scheduled_at: "2024-07-01T09:00:00Z" } },
    violates: "request.body",
  }),
  getCoachingSession: operation((api) => api.coaching.getSession, { params: { path } }, {
    init: { params: { path: { id: notAUuid } } },
    violates: "request.path.id",
  }),
  updateCoachingSession: operation((api) => api.coaching.updateSession, { params: { path }, body: exampleBody("updateCoachingSession", "application/json") }, {
    init: { params: { path }, body: {} },
    violates: "request.body",
  }),
  deleteCoachingSession: operation((api) => api.coaching.deleteSession, { params: { path } }, {
    init: { params: { path: { id: notAUuid } } },
    violates: "request.path.id",
  }),
  concludeCoachingSession: operation((api) => api.coaching.concludeSession, { params: { path }, body: conclusion }, {
    init: { params: { path }, body: { action_items: [] } },
    violates: "request.body",
  }),
  streamCoachingChat: stream(
    (api) => api.coaching.streamChat,
    { params: { path } },
    { init: { params: { path: { id: notAUuid } } }, violates: "request.path.id" },
    // The wire carries `event:`/`id:` lines beside a JSON `data:`; the spec's event schema is the three together.
    (data, message) => ({ event: message.event, ...(message.id !== undefined ? { id: message.id } : {}), data }) as never,
  ),
};
