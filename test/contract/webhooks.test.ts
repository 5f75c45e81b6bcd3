import { webhookFixtures } from "@specforge/mocks";
import { webhooks } from "@specforge/zod";
import { describe, expect, it } from "vitest";
import { deref, loadSpec } from "./support/spec.js";
import { expectValid } from "./support/validate.js";

const specWebhooks = Object.entries<Record<string, any>>(loadSpec().webhooks ?? {});
const fixtures = webhookFixtures as Record<string, Record<string, unknown>>;
const schemas = webhooks as Record<string, unknown>;

describe("every webhook event fixture matches its zod schema", () => {
  it("has a fixture and a schema for every webhook of the spec", () => {
    expect(specWebhooks.length).toBeGreaterThan(0);
    expect(Object.keys(fixtures).sort()).toEqual(specWebhooks.map(([name]) => name).sort());
    expect(Object.keys(schemas).sort()).toEqual(specWebhooks.map(([name]) => name).sort());
  });

  for (const [name, item] of specWebhooks) {
    it(name, () => {
      const content = deref<{ content?: Record<string, unknown> }>(item.post?.requestBody).content ?? {};
      for (const media of Object.keys(content)) {
        const fixture = fixtures[name]?.[media];
        expect(fixture, `${name} has no ${media} fixture`).toBeDefined();
        expectValid(schemas[name], fixture, `${name} (${media}) fixture`);
        expect((fixture as { type?: unknown }).type).toBe(name);
      }
    });
  }
});
