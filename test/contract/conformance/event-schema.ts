import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import formats from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as unknown as (ajv: Ajv2020) => void;

type Json = Record<string, any>;

/** One way an event broke its schema: a JSON pointer into the event (`/data/...` for its data) and the reason. */
export interface EventIssue {
  pointer: string;
  message: string;
}

/**
 * Checks decoded SSE event data against an `x-sse-event-schema`. The schema is compiled with
 * the spec's `components` beside it, so the bundle's `#/components/...` refs resolve. Like the
 * runtime's eventCheck, data passes when it matches or the whole event (`{ event, id, data }`)
 * does: specs describe either.
 */
export function eventValidator(schema: Json, spec: Json): (data: unknown, event: { event?: string; id?: string }) => EventIssue[] {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  const validate = ajv.compile({ ...schema, components: spec.components ?? {} });
  const issues = (errors: ErrorObject[] | null | undefined, under: string): EventIssue[] =>
    (errors ?? []).map((e) => ({ pointer: `${under}${e.instancePath}`, message: `${`${under}${e.instancePath}`.slice(1) || "event"} ${e.message ?? "is invalid"}` }));
  return (data, event) => {
    if (validate(data)) return [];
    const asData = issues(validate.errors, "/data");
    if (validate({ ...(event.event !== undefined ? { event: event.event } : {}), ...(event.id !== undefined ? { id: event.id } : {}), data })) return [];
    const asEvent = issues(validate.errors, "");
    // Both readings failed: the one that got further into the value says more.
    const depth = (list: EventIssue[]) => Math.max(0, ...list.map((i) => i.pointer.split("/").length));
    return depth(asEvent) >= depth(asData) ? asEvent : asData;
  };
}
