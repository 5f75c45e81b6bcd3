import { surfaceGroups, type IRDocument, type IROperation, type IRWebhook } from "@specforge/codegen/model";
import type { Sink } from "../types.js";
import { compareOperation, operationLabel } from "./operation.js";

// Path templates match whatever their parameters are called: /users/{id} is /users/{userId}.
const template = (path: string) => path.replace(/\{[^}]*\}/g, "{}");
/** The sink of an operation, by its label in the head version and (when in both) in the base version. */
export type SinkFor = (operation: string, baseOperation?: string) => Sink;
/** Whether an operation is the same in both versions down to everything it references. */
export type Unchanged = (b: IROperation, h: IROperation) => boolean;

/** Operations are the same across versions when method and path template match. */
export const operationKey = (op: IROperation) => `${op.method} ${template(op.path)}`;

/**
 * The head operation of each base operation that has one: the same method on the same path as
 * written first, then on the same path template (a renamed path parameter). Exact first, because a
 * document may hold equivalent templates side by side (`/v1/{name}/products` and
 * `/v1/{parent}/products`, as Google's converted specs do), which the template alone would cross.
 */
export function matchOperations(base: IROperation[], head: IROperation[]): Map<IROperation, IROperation> {
  const matched = new Map<IROperation, IROperation>();
  const free = new Set(head);
  const exact = new Map(head.map((op) => [`${op.method} ${op.path}`, op]));
  for (const b of base) {
    const h = exact.get(`${b.method} ${b.path}`);
    if (h && free.delete(h)) matched.set(b, h);
  }
  const byKey = new Map<string, IROperation[]>();
  for (const h of free) byKey.set(operationKey(h), [...(byKey.get(operationKey(h)) ?? []), h]);
  for (const b of base) {
    const h = matched.has(b) ? undefined : byKey.get(operationKey(b))?.shift();
    if (h) matched.set(b, h);
  }
  return matched;
}

// The generated client reserves these names on the api object (tools/codegen emit-client.ts).
const CLIENT_ROOT_MEMBERS = ["raw", "runtime", "options"];

/** `api.users.get` of each operation, as the generated client names it. */
function clientNames(ops: IROperation[]): Map<IROperation, string> {
  const out = new Map<IROperation, string>();
  for (const g of surfaceGroups(ops, CLIENT_ROOT_MEMBERS)) {
    for (const m of g.members) out.set(m.op, ["api", g.name, m.name].filter(Boolean).join("."));
  }
  return out;
}

/**
 * Operations of `paths`: removed paths and methods break callers, new ones are additions; each
 * operation in both versions is compared in full.
 */
export function diffOperations(base: IRDocument, head: IRDocument, sinkFor: SinkFor, unchanged: Unchanged = () => false): void {
  const matched = matchOperations(base.operations, head.operations);
  const inBase = new Set(matched.values());
  const basePaths = new Set(base.operations.map((op) => template(op.path)));
  const headPaths = new Set(head.operations.map((op) => template(op.path)));
  for (const op of base.operations) {
    if (matched.has(op)) continue;
    const pathGone = !headPaths.has(template(op.path));
    sinkFor(operationLabel(op)).emit({
      rule: pathGone ? "path-removed" : "operation-removed",
      breaking: true,
      pointer: op.pointer,
      reason: pathGone ? `path ${op.path} removed` : `method ${op.method.toUpperCase()} removed from ${op.path}`,
    });
  }
  for (const op of head.operations) {
    if (inBase.has(op)) continue;
    const newPath = !basePaths.has(template(op.path));
    sinkFor(operationLabel(op)).emit({ rule: newPath ? "path-added" : "operation-added", breaking: false, pointer: op.pointer, reason: newPath ? `path ${op.path} added` : `method ${op.method.toUpperCase()} added to ${op.path}` });
  }
  const baseNames = clientNames(base.operations);
  const headNames = clientNames(head.operations);
  for (const b of base.operations) {
    const h = matched.get(b);
    if (!h) continue;
    const sink = sinkFor(operationLabel(h), operationLabel(b));
    const [was, now] = [baseNames.get(b), headNames.get(h)];
    if (was !== now && b.operationId === h.operationId) {
      sink.emit({ rule: "client-method-renamed", breaking: true, pointer: `${h.pointer}/tags`, reason: `generated client method ${was} is now ${now}` });
    }
    compareOperation(b, h, sink, "request", "response", unchanged(b, h));
    diffCallbacks(b, h, sinkFor, unchanged);
  }
}

/**
 * An operation's callbacks, by name, expression and method: like a webhook, the API sends the
 * callback's request (compared like a response) and the caller's server answers it (like a request).
 */
function diffCallbacks(base: IROperation, head: IROperation, sinkFor: SinkFor, unchanged: Unchanged): void {
  if (!base.callbacks && !head.callbacks) return;
  const key = (c: IRWebhook) => `${c.name} ${c.operation.method}`;
  const label = (op: IROperation, c: IRWebhook) => `${operationLabel(op)} callback ${c.name} ${c.operation.method.toUpperCase()}`;
  const hm = new Map((head.callbacks ?? []).map((c) => [key(c), c]));
  const bm = new Map((base.callbacks ?? []).map((c) => [key(c), c]));
  for (const c of base.callbacks ?? []) {
    const n = hm.get(key(c));
    if (n) compareOperation(c.operation, n.operation, sinkFor(label(head, n), label(base, c)), "response", "request", unchanged(c.operation, n.operation));
    else sinkFor(label(base, c)).emit({ rule: "callback-removed", breaking: true, pointer: c.operation.pointer, reason: `callback ${c.name} (${c.operation.method.toUpperCase()}) removed` });
  }
  for (const c of head.callbacks ?? []) {
    if (!bm.has(key(c))) sinkFor(label(head, c)).emit({ rule: "callback-added", breaking: false, pointer: c.operation.pointer, reason: `callback ${c.name} (${c.operation.method.toUpperCase()}) added` });
  }
}

/**
 * Webhooks, by name and method. The API sends the payload and the subscriber answers: payloads
 * compare like responses, the subscriber's answers like requests.
 */
export function diffWebhooks(base: IRDocument, head: IRDocument, sinkFor: SinkFor, unchanged: Unchanged = () => false): void {
  const wkey = (name: string, op: IROperation) => `${name} ${op.method}`;
  const hm = new Map(head.webhooks.map((w) => [wkey(w.name, w.operation), w]));
  const bm = new Map(base.webhooks.map((w) => [wkey(w.name, w.operation), w]));
  for (const w of base.webhooks) {
    if (!hm.has(wkey(w.name, w.operation))) {
      sinkFor(operationLabel(w.operation, w.name)).emit({ rule: "webhook-removed", breaking: true, pointer: w.operation.pointer, reason: `webhook ${w.name} removed` });
    }
  }
  for (const w of head.webhooks) {
    if (!bm.has(wkey(w.name, w.operation))) {
      sinkFor(operationLabel(w.operation, w.name)).emit({ rule: "webhook-added", breaking: false, pointer: w.operation.pointer, reason: `webhook ${w.name} added` });
    }
  }
  for (const w of base.webhooks) {
    const n = hm.get(wkey(w.name, w.operation));
    if (n) compareOperation(w.operation, n.operation, sinkFor(operationLabel(n.operation, n.name), operationLabel(w.operation, w.name)), "response", "request", unchanged(w.operation, n.operation));
  }
}
