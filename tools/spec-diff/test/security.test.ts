import { describe, expect, it } from "vitest";
import { diffDocs, doc, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const schemes = (apiKeyName = "X-Api-Key") => ({
  securitySchemes: {
    bearer: { type: "http", scheme: "bearer" },
    apiKey: { type: "apiKey", in: "header", name: apiKeyName },
    oauth: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://auth.example.com/token", scopes: { "users:read": "read", "users:write": "write" } } } },
  },
});
const secured = (security: P[] | undefined, global: P[] = [{ bearer: [] }], apiKeyName?: string) =>
  doc({ "/users": { get: { operationId: "listUsers", ...(security ? { security } : {}), responses: { "204": { description: "ok" } } } } }, { security: global, components: schemes(apiKeyName) });

const rows: Row[] = [
  { name: "alternative removed", before: secured([{ bearer: [] }, { apiKey: [] }]), after: secured([{ bearer: [] }]), want: ["breaking: security-requirement-removed"] },
  { name: "scope added (stricter)", before: secured([{ oauth: ["users:read"] }]), after: secured([{ oauth: ["users:read", "users:write"] }]), want: ["breaking: security-requirement-stricter"] },
  { name: "second scheme required together (stricter)", before: secured([{ bearer: [] }]), after: secured([{ bearer: [], apiKey: [] }]), want: ["breaking: security-requirement-stricter"] },
  { name: "public operation now needs credentials", before: secured([]), after: secured([{ bearer: [] }]), want: ["breaking: security-requirement-stricter"] },
  { name: "operation made public", before: secured([{ bearer: [] }]), after: secured([]), want: ["minor: security-requirement-relaxed"] },
  { name: "alternative added", before: secured([{ bearer: [] }]), after: secured([{ bearer: [] }, { apiKey: [] }]), want: ["minor: security-alternative-added"] },
  { name: "inherited document security changed", before: secured(undefined), after: secured(undefined, [{ apiKey: [] }]), want: ["breaking: security-requirement-removed", "minor: security-alternative-added", "patch: other-change"] },
  { name: "API key header renamed", before: secured([{ apiKey: [] }]), after: secured([{ apiKey: [] }], undefined, "X-Key"), want: ["breaking: security-scheme-changed"] },
  { name: "spelled-out security equal to the inherited one", before: secured(undefined), after: secured([{ bearer: [] }]), want: ["patch: other-change"] },
];

describe("security", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });
});
