import { authCases } from "./auth.js";
import { coachingCases } from "./coaching.js";
import { commerceCases } from "./commerce.js";
import type { OperationCase } from "./define.js";
import { platformCases } from "./platform.js";
import { productCases } from "./products.js";
import { userCases } from "./users.js";
import { defaultCases } from "../support/default-cases.js";

export type { InvalidRequest, OperationCase } from "./define.js";

/**
 * One case per operationId of the spec; coverage.test.ts fails when the two sets differ. Every
 * operation has a generated default (support/default-cases.ts); a hand-written case overrides it
 * for its operation — the Platform API has one for each.
 */
export const cases: Record<string, OperationCase> = {
  ...defaultCases(),
  ...authCases,
  ...userCases,
  ...productCases,
  ...commerceCases,
  ...coachingCases,
  ...platformCases,
};
