import { authCases } from "./auth.js";
import { coachingCases } from "./coaching.js";
import { commerceCases } from "./commerce.js";
import type { OperationCase } from "./define.js";
import { platformCases } from "./platform.js";
import { productCases } from "./products.js";
import { userCases } from "./users.js";

export type { InvalidRequest, OperationCase } from "./define.js";

/** One case per operationId of the spec; coverage.test.ts fails when the two sets differ. */
export const cases: Record<string, OperationCase> = {
  ...authCases,
  ...userCases,
  ...productCases,
  ...commerceCases,
  ...coachingCases,
  ...platformCases,
};
