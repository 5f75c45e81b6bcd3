import { describe, expectTypeOf, it } from "vitest";
import { createApi, type Api, type components, type paths, type SSEEvent } from "../src/index.js";

type User = components["schemas"]["User"];

// Never called: these functions exist for the compiler. `tsc --noEmit` (the typecheck task, which
// `test` depends on) fails if a `@ts-expect-error` line stops being an error.
function compileOnly(api: Api) {
  // A wrong path does not compile.
  // @ts-expect-error — "/userz" is not a path of the spec
  void api.raw.GET("/userz");

  // A missing required path parameter does not compile.
  // @ts-expect-error — params.path.id is required
  void api.users.get({ params: { path: {} } });
  // @ts-expect-error — the whole init is required when a parameter is
  void api.users.get();

  // A wrong body type does not compile.
  // @ts-expect-error — email must be a string
  void api.users.create({ body: { email: 42, name: "Ada", password: "correct horse battery staple", role: "member" } });

  // readOnly properties are not part of a request body: the card's brand is the API's to say.
  const card = { type: "card", token: "tok_4f9a2c7e1b3d5f60" } as const;
  void api.payments.process({ body: { order_id: "o", amount: { amount: 100, currency: "EUR" }, method: card } });
  // @ts-expect-error — brand is readOnly: a request leaves it out
  void api.payments.process({ body: { order_id: "o", amount: { amount: 100, currency: "EUR" }, method: { ...card, brand: "visa" } } });

  // A wrong enum value in a query filter does not compile.
  // @ts-expect-error — role is an enum
  void api.users.list({ params: { query: { role: "superuser" } } });
}

describe("client types", () => {
  it("operation-named surface returns the response body types", () => {
    const api = createApi({ baseUrl: "http://127.0.0.1:4010" });
    expectTypeOf(api.users.get).parameter(0).toHaveProperty("params");
    expectTypeOf<Awaited<ReturnType<typeof api.users.get>>>().toHaveProperty("data");
    expectTypeOf<Awaited<ReturnType<typeof api.users.get>>["data"]>().toEqualTypeOf<User>();
    expectTypeOf(api.users.list.all).returns.toEqualTypeOf<AsyncIterable<User>>();
    expectTypeOf(api.orders.create).parameter(0).toHaveProperty("idempotencyKey");
    // The spec's ChatStreamEvent is a whole event (`event`, `id`, `data`): each iterated event is one, and its name narrows its data.
    expectTypeOf(api.coaching.streamChat).returns.toEqualTypeOf<AsyncIterable<components["schemas"]["ChatStreamEvent"] & SSEEvent<unknown>>>();
    type ChatEvent = typeof api.coaching.streamChat extends (...a: never[]) => AsyncIterable<infer E> ? E : never;
    expectTypeOf<Extract<ChatEvent, { event: "delta" }>["data"]>().toEqualTypeOf<{ delta: string }>();
    expectTypeOf<Extract<ChatEvent, { event: "done" }>["data"]>().toEqualTypeOf<{ message_id: string }>();
    expectTypeOf<ChatEvent["id"]>().toEqualTypeOf<string | undefined>();
    // writeOnly properties are not part of a response: the card token never comes back.
    type Method = Awaited<ReturnType<typeof api.payments.get>>["data"]["method"];
    expectTypeOf<Extract<Method, { type: "card" }>>().toEqualTypeOf<{ type: "card"; readonly brand?: "visa" | "mastercard" | "amex" | "other"; readonly last4?: string }>();
    // components keeps the schema as written, both kinds of properties included.
    expectTypeOf<components["schemas"]["CardPaymentMethod"]>().toHaveProperty("token");
    expectTypeOf<components["schemas"]["CardPaymentMethod"]>().toHaveProperty("brand");
    void compileOnly;
  });
});
