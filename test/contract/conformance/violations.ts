/** One way a target broke the contract, as the conformance report lists it. */
export interface Violation {
  operation: string;
  method: string;
  path: string;
  /** Status the target answered; null when Prism rejected the request before it reached the target. */
  status: number | null;
  severity: string;
  /** What was checked: "response.body", "response.headers", "request.query", "prism"… */
  in: string;
  /** JSON pointer into that part ("" for the part as a whole). */
  pointer: string;
  code: string | number | null;
  message: string;
}

type Location = (string | number)[];
interface PrismValidation {
  location?: Location;
  severity?: string;
  code?: string | number;
  message?: string;
}

export type Where = Pick<Violation, "operation" | "method" | "path" | "status">;

const PRISM_ERRORS = "https://stoplight.io/prism/errors#";

const escape = (segment: string | number) => String(segment).replace(/~/g, "~0").replace(/\//g, "~1");

/** ["response","body","data","role"] → in "response.body", pointer "/data/role". */
export function fromLocation(where: Where, v: PrismValidation, defaultSide: "request" | "response"): Violation {
  const location = [...(v.location ?? [])];
  if (location[0] !== "request" && location[0] !== "response") location.unshift(defaultSide);
  const part = location.slice(0, 2).join(".");
  const rest = location.slice(2);
  return {
    ...where,
    severity: v.severity ?? "Error",
    in: part,
    pointer: rest.length ? `/${rest.map(escape).join("/")}` : "",
    code: v.code ?? null,
    message: v.message ?? "",
  };
}

/**
 * What Prism found wrong with one exchange: its `sl-violations` header (set whenever it validated
 * something, errors and warnings), else the problem+json it answered instead of forwarding (a
 * rejected request carries its findings in `validation`; other Prism errors only in the text).
 */
export function violationsOf(where: Where, headers: Headers, body: unknown): Violation[] {
  const header = headers.get("sl-violations");
  if (header) return (JSON.parse(header) as PrismValidation[]).map((v) => fromLocation(where, v, "response"));
  const problem = body as { type?: unknown; title?: string; detail?: string; validation?: PrismValidation[] } | undefined;
  if (typeof problem?.type !== "string" || !problem.type.startsWith(PRISM_ERRORS)) return [];
  if (problem.validation?.length) return problem.validation.map((v) => fromLocation({ ...where, status: null }, v, "request"));
  const kind = problem.type.slice(PRISM_ERRORS.length);
  return [{ ...where, severity: "Error", in: "prism", pointer: "", code: kind, message: [problem.title, problem.detail].filter(Boolean).join(": ") }];
}
