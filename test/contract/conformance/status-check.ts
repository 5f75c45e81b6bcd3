import type { SpecOperation } from "../support/spec.js";
import { preview } from "./preview.js";
import type { Violation, Where } from "./violations.js";

/**
 * What the status alone says about a valid request. Prism only checks that a status is
 * documented, so a server answering its documented 500 or 401 to everything would pass:
 * - 5xx is an Error even when documented (the request was valid; the server failed it);
 * - 401/403 is an Error that points at the credentials, which are the likelier culprit;
 * - another documented 4xx is a Warning (a 404 for an id the real server does not have is
 *   legitimate, but the documented success was not checked).
 */
export function statusViolations(op: SpecOperation, where: Where, status: number, body: Buffer): Violation[] {
  const success = op.success ?? "2xx";
  const at = { ...where, in: "response.status", pointer: "", code: status };
  const said = preview(body);
  if (status >= 500) return [{ ...at, severity: "Error", message: `answered ${status} to a valid request (documented success: ${success}); body: ${said}` }];
  if (status === 401 || status === 403) {
    return [{ ...at, severity: "Error", message: `answered ${status}: the credentials were refused or missing; give the server's with --bearer <token> or --api-key <key>; body: ${said}` }];
  }
  // Documented exactly, by its range (4XX) or by `default`: the spec allows it, so only a Warning.
  const documented = [String(status), `${String(status)[0]}XX`, "default"].some((s) => op.statuses.some((d) => d.toUpperCase() === s.toUpperCase()));
  if (status >= 400 && documented) {
    return [{ ...at, severity: "Warning", message: `did not get its documented 2xx (${success}) but ${status}, so the success response was not checked; body: ${said}` }];
  }
  return [];
}
