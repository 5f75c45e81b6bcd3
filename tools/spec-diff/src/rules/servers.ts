import { getAtPointer, joinPointer, parsePointer, type IROperation } from "@specforge/codegen/model";
import type { SpecVersion as Version } from "../diff.js";
import type { Sink } from "../types.js";
import { matchOperations, type SinkFor } from "./operations.js";
import { operationLabel } from "./operation.js";
import { compareVariables, resolved, variablesOf, type Variables } from "./server-variables.js";

interface Servers {
  urls: string[];
  /** The variables of each server, by index. */
  variables: (Variables | undefined)[];
  /** Where the list is written (`#/servers`, `#/paths/~1a/servers`, `#/paths/~1a/get/servers`). */
  pointer: string;
  /** The top-level list, standing in for an operation that declares none. */
  inherited?: boolean;
}

// `https://api.example.com/` and `https://api.example.com` are the same server.
const norm = (url: string) => (url.length > 1 ? url.replace(/\/+$/, "") : url);

function serversAt(doc: unknown, pointer: string): Servers | undefined {
  const raw = getAtPointer(doc, parsePointer(pointer));
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  const servers = raw.filter((s): s is { url: unknown } => s !== null && typeof s === "object");
  return { urls: servers.map((s) => String(s.url ?? "/")), variables: servers.map(variablesOf), pointer };
}

/** The servers an operation declares itself (its own, else its path item's), if any. */
function ownServers(v: Version, op: IROperation): Servers | undefined {
  return serversAt(v.document, joinPointer(op.pointer, "servers")) ?? serversAt(v.document, joinPointer(op.pointer.replace(/\/[^/]*$/, ""), "servers"));
}

const topLevel = (v: Version): Servers => ({ urls: v.model.servers.map((s) => s.url), variables: v.model.servers.map((s) => s.variables), pointer: "#/servers" });

/**
 * One list of servers against the next, by URL. A removed URL breaks clients configured with it
 * (one removed and one added is a changed URL); a new one is an addition. At the top level the
 * first server is the generated client's default `baseUrl`, so moving another one first breaks
 * clients relying on the default.
 */
function compareServers(b: Servers, h: Servers, sink: Sink, prefix: string, first: boolean): void {
  const bu = b.urls.map(norm);
  const hu = h.urls.map(norm);
  const removed = b.urls.filter((_, i) => !hu.includes(bu[i]!));
  const added = h.urls.filter((_, i) => !bu.includes(hu[i]!));
  // A change of an operation that declares servers in one version only is written in that version's list.
  const ptr = (s: Servers, url: string) => (s.inherited ? (s === b ? h : b).pointer : joinPointer(s.pointer, s.urls.indexOf(url)));
  if (removed.length === 1 && added.length === 1) {
    sink.emit({ rule: "server-url-changed", breaking: true, pointer: ptr(h, added[0]!), reason: `${prefix}server URL changed from ${removed[0]} to ${added[0]}`, covers: [ptr(b, removed[0]!)] });
  } else {
    for (const url of removed) sink.emit({ rule: "server-removed", breaking: true, pointer: ptr(b, url), reason: `${prefix}server ${url} removed: clients configured with it can no longer reach the API` });
    for (const url of added) sink.emit({ rule: "server-added", breaking: false, pointer: ptr(h, url), reason: `${prefix}server ${url} added` });
  }
  // Servers in both: their variables, and the URL the first one resolves to by default.
  bu.forEach((url, i) => {
    const j = hu.indexOf(url);
    if (j >= 0 && !(b.inherited || h.inherited)) compareVariables(b.variables[i], h.variables[j], h.urls[j]!, joinPointer(h.pointer, j), sink, prefix);
  });
  const [was, now] = [b.urls[0] && resolved(b.urls[0], b.variables[0]), h.urls[0] && resolved(h.urls[0], h.variables[0])];
  if (first && was && now && bu[0] === hu[0] && norm(was) !== norm(now)) {
    sink.emit({
      rule: "server-default-changed",
      breaking: true,
      pointer: joinPointer(h.pointer, 0, "variables"),
      reason: `${prefix}default server URL (the generated client's default baseUrl) changed from ${was} to ${now}`,
    });
  }
  if (first && bu.length && hu.length && bu[0] !== hu[0] && hu.includes(bu[0]!)) {
    sink.emit({ rule: "server-default-changed", breaking: true, pointer: joinPointer(h.pointer, 0), reason: `${prefix}first server (the generated client's default baseUrl) changed from ${b.urls[0]} to ${h.urls[0]}`, covers: [h.pointer] });
  }
}

/** Top-level `servers`. Absent and `[]` both mean none declared. */
export function diffDocumentServers(base: Version, head: Version, sink: Sink): void {
  compareServers(topLevel(base), topLevel(head), sink, "", true);
}

/**
 * `servers` of a path item or an operation, for each operation in both versions that declares its
 * own in either: the effective lists are compared (its own, else the top-level ones, whose
 * changes are reported once, for the document).
 */
export function diffOperationServers(base: Version, head: Version, sinkFor: SinkFor): void {
  for (const [b, h] of matchOperations(base.model.operations, head.model.operations)) {
    const [bs, hs] = [ownServers(base, b), ownServers(head, h)];
    if (!bs && !hs) continue;
    const inherited = (v: Version): Servers => ({ ...topLevel(v), inherited: true });
    compareServers(bs ?? inherited(base), hs ?? inherited(head), sinkFor(operationLabel(h), operationLabel(b)), "operation servers: ", false);
  }
}
