import { ApiError } from "@specforge/runtime";
import { describe, expect, it } from "vitest";
import { contractClient } from "./support/client.js";
import { defaultCases, unmeetable as unmeetableBy } from "./support/default-cases.js";
import { errorClassByStatus, typedError } from "./support/errors.js";
import { settle } from "./support/outcome.js";
import { preferStatus } from "./support/prefer.js";
import { prismUrl } from "./support/prism-url.js";
import { specOperations } from "./support/spec.js";
import { expectValid, prismProblem, slViolations } from "./support/validate.js";
import { mediaType, prismGap, zodOperation } from "./support/zod-operation.js";

// The contract suite any spec gets with no hand-written code (what a scaffolded project runs): the
// generated default case of every operation — a valid request from the mocks' requestFixtures and
// an invalid one derived from the spec — through the generated client against Prism. Checks are
// the spec's own: documented statuses, the generated zod schemas, the runtime's typed errors.
// Here it runs on the Platform API beside the hand-written suite, so the generator of cases is
// proven on a real spec of 41 operations.
const { api, take } = contractClient(prismUrl());
const cases = defaultCases();
const ops = specOperations();

describe("generated contract cases", () => {
  it("exist for every operation of the spec", () => {
    expect(ops.map((o) => o.id).filter((id) => !cases[id])).toEqual([]);
  });

  for (const op of ops) {
    const c = cases[op.id];
    const success = op.success;
    const unmeetable = unmeetableBy(op);
    it(`${op.id}: the valid request gets the documented ${success ?? "2xx"}`, async (ctx) => {
      if (unmeetable) return ctx.skip(unmeetable);
      // A client call cannot succeed on a redirect or a default-only response; its documented
      // error statuses and invalid request are still checked below.
      if (success === undefined) return ctx.skip(`${op.id} documents no 2xx response (only ${op.statuses.join(", ")}): no success to check`);
      const outcome = await settle(c!.invoke, api, c!.valid);
      if (!outcome.ok) throw outcome.error;
      const { status, headers } = take();
      expect(status).toBe(Number(success));
      const declared = zodOperation(op.id).responses[success] ?? {};
      const media = mediaType(headers);
      if (Object.keys(declared).length === 0 || !media || !/json/.test(media) || c!.stream) return;
      expectValid(declared[media], outcome.value, `${op.id} ${success} body`);
    });

    for (const status of op.errors.filter((s) => errorClassByStatus[Number(s)])) {
      it(`${op.id}: a documented ${status} surfaces as its typed error`, async (ctx) => {
        if (unmeetable) return ctx.skip(unmeetable);
        const outcome = await settle(c!.invoke, api, c!.valid, { headers: preferStatus(status, c!.stream === true) });
        expect(outcome.ok, `${op.id} resolved although Prism was asked for ${status}`).toBe(false);
        if (outcome.ok) return;
        const error = typedError(outcome.error, c!.stream === true);
        if (!(error instanceof ApiError) || error.status === undefined) throw outcome.error;
        expect(take().status).toBe(Number(status));
        expect(error).toBeInstanceOf(errorClassByStatus[Number(status)]!);
        expect((error as ApiError).status).toBe(Number(status));
      });
    }

    const invalid = c?.invalid;
    const label = !invalid ? "" : "violates" in invalid ? `${invalid.violates} is rejected` : "unauthenticated" in invalid ? "no credentials → 401" : "nothing to get wrong";
    it(`${op.id}: an invalid request — ${label}`, async (ctx) => {
      if (!invalid || "none" in invalid) return ctx.skip(invalid && "none" in invalid ? invalid.none : "no case");
      if (unmeetable) return ctx.skip(unmeetable);
      if ("unauthenticated" in invalid) {
        const outcome = await settle(c!.invoke, api, c!.valid, { auth: false });
        expect(outcome.ok).toBe(false);
        expect(take().status).toBe(401);
        return;
      }
      const outcome = await settle(c!.invoke, api, invalid.init);
      const gap = outcome.ok ? prismGap(op.id, invalid.violates, invalid.init as never) : undefined;
      if (gap) {
        take();
        return ctx.skip(gap);
      }
      expect(outcome.ok, `${op.id} accepted an invalid request`).toBe(false);
      const { status, headers } = take();
      // Prism answers a documented 422 or 400 with that status, else 422.
      expect([op.invalidStatus ?? 422, ...(op.invalidStatus === undefined ? [400] : [])]).toContain(status);
      // Prism reports parameter names lower-cased (request.query.startdate): in the sl-violations
      // header when it answers with a documented 400/422, else in the body of the 422 it makes up.
      const made = outcome.ok ? undefined : (outcome.error as ApiError).body;
      const violations = slViolations(headers).length ? slViolations(headers) : prismProblem(made).map((v) => ({ ...v, location: ["request", ...v.location] }));
      const locations = violations.map((v) => v.location.join(".").toLowerCase());
      expect(locations.some((l) => l.startsWith(invalid.violates.toLowerCase())), `Prism reported ${JSON.stringify(locations)}`).toBe(true);
      expect(outcome.ok ? undefined : outcome.error).toBeInstanceOf(ApiError);
    });
  }
});
