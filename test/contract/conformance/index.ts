export { runConformance, type ConformanceOptions, type ConformanceReport, type OperationResult } from "./run.js";
export { formatReport, formatViolation } from "./report.js";
export { UsageError, UnreachableError } from "./target.js";
export { cleanupAll } from "./cleanup.js";
export type { Violation } from "./violations.js";
