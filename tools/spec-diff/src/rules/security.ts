import { joinPointer, type IRDocument, type IROperation, type IRSecurityRequirement, type IRSecurityScheme } from "@specforge/codegen/model";
import type { Sink } from "../types.js";

type Alternative = IRSecurityRequirement["schemes"];

// `security: []` is public: one alternative that needs nothing.
const alternatives = (op: IROperation): Alternative[] => (op.security.length ? op.security.map((r) => r.schemes) : [[]]);
const show = (a: Alternative) => (a.length ? a.map((s) => (s.scopes.length ? `${s.name}[${s.scopes.join(", ")}]` : s.name)).join(" + ") : "no credentials");
const names = (a: Alternative) => a.map((s) => s.name).sort().join("+");

/** Credentials that satisfy `have` also satisfy `need`: every scheme of `need`, with its scopes. */
const satisfies = (have: Alternative, need: Alternative) =>
  need.every((n) => have.some((h) => h.name === n.name && n.scopes.every((sc) => h.scopes.includes(sc))));

/**
 * Security of an operation is a list of alternatives (OR) of scheme sets (AND). Every set of
 * credentials a client could use before must still be accepted; otherwise the requirement was
 * removed or made stricter (a new scheme or scope, or a public operation now needing auth).
 */
export function diffOperationSecurity(b: IROperation, h: IROperation, sink: Sink): void {
  const ba = alternatives(b);
  const ha = alternatives(h);
  const pointer = `${h.pointer}/security`;
  for (const old of ba) {
    if (ha.some((n) => satisfies(old, n))) continue;
    const stricter = ha.find((n) => names(n) === names(old) || satisfies(n, old));
    sink.emit({
      rule: stricter ? "security-requirement-stricter" : "security-requirement-removed",
      breaking: true,
      pointer,
      reason: stricter ? `security ${show(old)} is now ${show(stricter)}` : `security alternative ${show(old)} no longer accepted`,
    });
  }
  for (const n of ha) {
    if (ba.some((old) => satisfies(n, old) && satisfies(old, n))) continue;
    if (ba.some((old) => satisfies(old, n))) {
      sink.emit({ rule: "security-requirement-relaxed", breaking: false, pointer, reason: `security relaxed: ${show(n)} now accepted` });
    } else if (!ba.some((old) => satisfies(n, old))) {
      sink.emit({ rule: "security-alternative-added", breaking: false, pointer, reason: `security alternative ${show(n)} added` });
    }
  }
}

/** Security scheme definitions: how credentials are sent. */
export function diffSecuritySchemes(base: IRDocument, head: IRDocument, sink: Sink): void {
  const hm = new Map(head.securitySchemes.map((s) => [s.name, s]));
  const bm = new Map(base.securitySchemes.map((s) => [s.name, s]));
  const at = (s: IRSecurityScheme) => joinPointer("#/components/securitySchemes", s.name);
  for (const s of base.securitySchemes) {
    const n = hm.get(s.name);
    if (!n) {
      sink.emit({ rule: "security-scheme-removed", breaking: true, pointer: at(s), reason: `security scheme ${s.name} removed` });
      continue;
    }
    const how = (x: IRSecurityScheme) => `${x.type}${x.scheme ? ` ${x.scheme}` : ""}${x.in ? ` in ${x.in}` : ""}${x.paramName ? ` ${x.paramName}` : ""}`;
    if (how(s) !== how(n)) sink.emit({ rule: "security-scheme-changed", breaking: true, pointer: at(n), reason: `security scheme ${s.name} changed from ${how(s)} to ${how(n)}` });
    for (const [flow, f] of Object.entries(s.flows ?? {})) {
      const g = n.flows?.[flow];
      if (!g) {
        sink.emit({ rule: "security-flow-removed", breaking: true, pointer: joinPointer(at(n), "flows", flow), reason: `security scheme ${s.name}: OAuth flow ${flow} removed` });
        continue;
      }
      for (const url of ["tokenUrl", "authorizationUrl", "refreshUrl"] as const) {
        if (f[url] !== g[url]) sink.emit({ rule: "security-flow-url-changed", breaking: true, pointer: joinPointer(at(n), "flows", flow, url), reason: `security scheme ${s.name}: ${flow} ${url} changed from ${f[url] ?? "none"} to ${g[url] ?? "none"}` });
      }
      const gone = Object.keys(f.scopes).filter((sc) => !(sc in g.scopes));
      if (gone.length) sink.emit({ rule: "security-scope-removed", breaking: true, pointer: joinPointer(at(n), "flows", flow, "scopes"), reason: `security scheme ${s.name}: ${flow} scope${gone.length > 1 ? "s" : ""} ${gone.join(", ")} removed` });
    }
    for (const flow of Object.keys(n.flows ?? {})) {
      if (!s.flows?.[flow]) sink.emit({ rule: "security-flow-added", breaking: false, pointer: joinPointer(at(n), "flows", flow), reason: `security scheme ${s.name}: OAuth flow ${flow} added` });
    }
  }
  for (const n of head.securitySchemes) {
    if (!bm.has(n.name)) sink.emit({ rule: "security-scheme-added", breaking: false, pointer: at(n), reason: `security scheme ${n.name} added` });
  }
}
