import { describe, expect, it } from "vitest";
import { IdentifierPool, camelCase, pascalCase, words } from "../src/ir/naming.js";

describe("naming", () => {
  it.each([
    ["Pet-Status", "PetStatus"],
    ["200", "_200"],
    ["foo_bar baz", "FooBarBaz"],
    ["user.created", "UserCreated"],
    ["HTTPResponse", "HTTPResponse"],
    ["$ref", "Ref"],
    ["", "Anonymous"],
    ["déjà-vu", "DéjàVu"],
    ["v1.2-beta", "V12Beta"],
  ])("pascalCase(%j) = %j", (given, want) => expect(pascalCase(given)).toBe(want));

  it.each([
    ["listUsers", "listUsers"],
    ["GET /pets/{id}", "getPetsId"],
    ["Create-Order", "createOrder"],
    ["2fa", "_2fa"],
  ])("camelCase(%j) = %j", (given, want) => expect(camelCase(given)).toBe(want));

  it("splits words at case and separators", () => {
    expect(words("issueOAuthToken")).toEqual(["issue", "OAuth", "Token"]);
    expect(words("HTTPResponseCode")).toEqual(["HTTP", "Response", "Code"]);
    expect(words("bulk_create-users")).toEqual(["bulk", "create", "users"]);
  });

  it("gives deterministic unique identifiers, avoiding reserved words", () => {
    const pool = new IdentifierPool();
    expect(["Foo", "Foo", "foo", "delete", "delete"].map((n) => pool.claim(n))).toEqual(["Foo", "Foo2", "foo", "delete_", "delete_2"]);
  });
});
