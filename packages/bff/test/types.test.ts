import { describe, expectTypeOf, it } from "vitest";
import { createBff, type Bff, type BffConfig, type OperationId, type WebhookConfig, type WebhookEvent } from "../src/index.js";

// Type-level checks: enforced by `tsc --noEmit` (typecheck), run as no-ops by vitest.
describe("types", () => {
  it("the handler is a standard fetch handler", () => {
    expectTypeOf<Bff["fetch"]>().toMatchTypeOf<(request: Request) => Promise<Response>>();
    expectTypeOf(createBff).returns.toEqualTypeOf<Bff>();
  });

  it("operations are the spec's operationIds, checked at compile time", () => {
    expectTypeOf<"listUsers">().toMatchTypeOf<OperationId>();
    expectTypeOf<"streamCoachingChat">().toMatchTypeOf<OperationId>();
    expectTypeOf<"listUser">().not.toMatchTypeOf<OperationId>();
    const config: BffConfig = { upstream: { url: "https://api.example.com/v1", auth: { apiKey: "k".repeat(12) } }, operations: ["listUsers", "getUser"] };
    // @ts-expect-error: not an operationId of the spec
    const wrong: BffConfig = { ...config, operations: ["listUser"] };
    void wrong;
  });

  it("webhook handlers get the spec's event union, narrowed by type", () => {
    expectTypeOf<Parameters<WebhookConfig["onEvent"]>[0]>().toEqualTypeOf<WebhookEvent>();
    const onEvent: WebhookConfig["onEvent"] = (event) => {
      if (event.type === "order.created") expectTypeOf(event.data.id).toBeString();
    };
    void onEvent;
  });
});
