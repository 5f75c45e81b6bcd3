/** handlerFor/errorHandlers/createHandlers options checked against the spec's types (tsc -p . runs this file too). */
import { describe, expect, it } from "vitest";
import { createHandlers, errorHandlers, handlerFor } from "../src/msw.js";
import { makeUser } from "../src/index.js";

describe("MSW handler options are typed", () => {
  it("body: the operation's response type for that status; mediaType: a documented one; statuses: documented ones", () => {
    handlerFor("getUser", "200", { body: { data: { ...makeUser(), name: "Grace" } } });
    handlerFor("getUser", "404", { mediaType: "application/json" });
    // @ts-expect-error the 200 body is { data: User }
    handlerFor("listUsers", "200", { body: { totally: "wrong" } });
    // @ts-expect-error getUser does not answer XML
    handlerFor("getUser", "200", { mediaType: "application/xml" });
    // @ts-expect-error no operation documents 418
    expect(() => errorHandlers(418)).toThrow(RangeError);
    expect(errorHandlers(503).length).toBeGreaterThan(0);
    expect(errorHandlers("503").length).toBeGreaterThan(0);
    // exactOptionalPropertyTypes: a baseUrl that may be undefined is accepted.
    const baseUrl: string | undefined = undefined as string | undefined;
    expect(createHandlers({ baseUrl }).length).toBeGreaterThan(0);
  });
});
