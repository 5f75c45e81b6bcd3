/** The package surface: fixtures, factories, seeds (their validity is proven by the codegen suite). */
import { describe, expect, it } from "vitest";
import { componentFixtures, fixtures, makeUser, responseFixtures, seed, webhookEvents, webhookFixtures } from "../src/index.js";

describe("@specforge/mocks", () => {
  it("exports typed fixtures and plain JSON maps", () => {
    expect(seed).toBe(1);
    expect(fixtures.listUsers[200]).toBe(responseFixtures.listUsers["200"]["application/json"]);
    expect(Object.keys(componentFixtures)).toContain("User");
    expect(Object.keys(webhookFixtures).length).toBe(Object.keys(webhookEvents).length);
    expect(JSON.parse(JSON.stringify(responseFixtures))).toEqual(responseFixtures);
  });

  it("makes fresh users with overrides and other seeds", () => {
    const admin = makeUser({ role: "admin" });
    expect(admin.role).toBe("admin");
    expect(admin.email).toBe(componentFixtures.User.email);
    expect(makeUser()).toEqual(componentFixtures.User);
    expect(makeUser()).not.toBe(componentFixtures.User);
    const other = makeUser({}, { seed: 7 });
    expect(other).not.toEqual(componentFixtures.User);
    expect(makeUser({}, { seed: 7 })).toEqual(other);
  });
});
