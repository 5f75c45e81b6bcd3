import type { Infer } from "@specforge/runtime";

/** What the webhook receiver validates with: zod's `safeParse` shape. */
export interface EventSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: unknown };
}

/** The events of an API and whether the receiver checks deliveries against them by default. */
export interface WebhookEvents<T> {
  schema: EventSchema<T>;
  validateByDefault: boolean;
}

type Payloads<W> = { [K in keyof W]: Infer<W[K]> }[keyof W];

/**
 * The event type of a spec's webhooks, from the zod package's `webhooks` map (name → payload
 * schema): the union of the payloads. `unknown` when the spec declares no webhook with a payload,
 * as nothing then says what a delivery holds.
 */
export type EventOf<W> = [Payloads<W>] extends [never] ? unknown : Payloads<W>;

type Issues = { issues?: Array<{ code?: string; path?: PropertyKey[] }> } | undefined;

/**
 * How far a delivery is from an event: events are told apart by a constant member (`type:
 * "order.created"`), so a wrong constant at the top level weighs more than any number of issues
 * inside; then the fewer issues, the closer.
 */
function distance(error: unknown): number {
  const issues = (error as Issues)?.issues ?? [];
  const otherKind = issues.some((i) => i.code === "invalid_value" && i.path?.length === 1);
  return (otherKind ? 1e6 : 0) + issues.length;
}

/** Accepts what one of `schemas` accepts; a rejection reports the closest event's issues. */
function anyOf<T>(schemas: ReadonlyArray<EventSchema<T>>): EventSchema<T> {
  return {
    safeParse(input) {
      let closest: { error: unknown; distance: number } | undefined;
      for (const s of schemas) {
        const r = s.safeParse(input);
        if (r.success) return r;
        const d = distance(r.error);
        if (!closest || d < closest.distance) closest = { error: r.error, distance: d };
      }
      return { success: false, error: closest?.error };
    },
  };
}

/** Any JSON object: what a receiver of an API without declared webhooks checks when asked to. */
const jsonObject: EventSchema<Record<string, unknown>> = {
  safeParse: (input) =>
    input !== null && typeof input === "object" && !Array.isArray(input)
      ? { success: true, data: input as Record<string, unknown> }
      : { success: false, error: { issues: [{ path: [], message: "Expected a JSON object" }] } },
};

/**
 * The webhook events of a spec, from its zod package's `webhooks` map. A delivery must match one
 * of the payloads, checked by default. A webhook without a payload (its schema accepts
 * `undefined`) cannot match a JSON body and is left out; with none left, any JSON object passes
 * when validation is turned on, and validation is off by default.
 */
export function webhookEventsOf<W extends object>(webhooks: W): WebhookEvents<EventOf<W>> {
  // Each value is a generated zod schema whose output is one member of EventOf<W>.
  const schemas = (Object.values(webhooks) as Array<EventSchema<EventOf<W>>>).filter((s) => !s.safeParse(undefined).success);
  if (schemas.length === 0) return { schema: jsonObject as EventSchema<EventOf<W>>, validateByDefault: false };
  return { schema: anyOf(schemas), validateByDefault: true };
}

/** A string member of an event (its `type`, its `id`) for logs and dedupe, whatever the API's events look like. */
export function eventField(event: unknown, name: "id" | "type"): string | undefined {
  const value = event !== null && typeof event === "object" ? (event as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value : undefined;
}
