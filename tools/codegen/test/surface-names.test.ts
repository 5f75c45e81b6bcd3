import { describe, expect, it } from "vitest";
import { surfaceGroups } from "../src/emit/client/surface-names.js";
import type { IROperation } from "../src/ir/types.js";

const op = (operationId: string, tags: string[], ident = operationId): IROperation =>
  ({ id: operationId, operationId, ident, method: "get", path: "/", tags, parameters: [], responses: [], security: [], extensions: {}, pointer: "#" }) as IROperation;

describe("client surface names", () => {
  it.each([
    ["listUsers", "Users", "users", "list"],
    ["getUser", "Users", "users", "get"],
    ["deleteUser", "Users", "users", "delete"],
    ["listProductChanges", "Products", "products", "listChanges"],
    ["issueOAuthToken", "Auth", "auth", "issueOAuthToken"],
    ["createWebhookSubscription", "Webhooks", "webhooks", "createSubscription"],
    ["listCoachingSessions", "Coaching", "coaching", "listSessions"],
    ["listCategories", "Categories", "categories", "list"],
    ["users", "Users", "users", "users"],
  ])("%s under tag %s → api.%s.%s", (id, tag, group, member) => {
    const [g] = surfaceGroups([op(id, [tag])], ["raw"]);
    expect([g!.name, g!.members[0]!.name]).toEqual([group, member]);
  });

  it("keeps full names when shortening would collide, and puts untagged operations on the root", () => {
    const groups = surfaceGroups([op("getPet", ["Pets"]), op("getPets", ["Pets"]), op("ping", [])], ["raw"]);
    expect(groups.map((g) => [g.name, g.members.map((m) => m.name)])).toEqual([
      ["", ["ping"]],
      ["pets", ["getPet", "getPets"]],
    ]);
  });

  it("never shadows reserved root members", () => {
    const [g] = surfaceGroups([op("rawList", ["Raw"])], ["raw"]);
    expect(g!.name).toBe("raw2");
  });
});
