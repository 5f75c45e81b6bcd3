import { describe, expect, it } from "vitest";
import { undeclaredPathParams } from "../../src/load/path-template-params.js";

const ok = { responses: { "200": { description: "ok" } } };

describe("path template parameters", () => {
  it("warns at the path of a {name} no operation declares (in: path), once per path", () => {
    const doc = {
      paths: {
        "/items/{itemId}": { get: ok, delete: ok },
        "/users/{id}/{tab}": {
          parameters: [{ $ref: "#/components/parameters/Id" }],
          get: { ...ok, parameters: [{ name: "tab", in: "path", required: true }] },
          put: ok,
        },
        "/fine/{a}": { parameters: [{ name: "a", in: "path", required: true }], get: ok },
        "/query/{q}": { get: { ...ok, parameters: [{ name: "q", in: "query" }] } },
      },
      components: { parameters: { Id: { name: "id", in: "path", required: true } } },
    };
    expect(undeclaredPathParams(doc).map((w) => `${w.pointer}: ${w.message}`)).toEqual([
      '#/paths/~1items~1{itemId}: path parameter "itemId" of the template is declared by no parameter with in: path (get, delete): OpenAPI requires one for each, and the client gets no argument to fill it',
      '#/paths/~1users~1{id}~1{tab}: path parameter "tab" of the template is declared by no parameter with in: path (put): OpenAPI requires one for each, and the client gets no argument to fill it',
      '#/paths/~1query~1{q}: path parameter "q" of the template is declared by no parameter with in: path (get): OpenAPI requires one for each, and the client gets no argument to fill it',
    ]);
  });
});
