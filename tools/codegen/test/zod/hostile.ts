/** Component and operation names that would shadow globals or helpers in a careless module. */
export const HOSTILE = {
  openapi: "3.1.0",
  info: { title: "hostile", version: "1" },
  paths: {
    "/x": {
      get: {
        operationId: "components",
        parameters: [{ name: "__proto__", in: "query", schema: { type: "string" } }, { name: "constructor", in: "query", schema: { type: "string" } }],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Record" } } } } },
      },
    },
  },
  components: {
    schemas: Object.fromEntries(
      ["PropertyKey", "Record", "Array", "Error", "Set", "Map", "RegExp", "Object", "String", "Number", "Boolean", "Date", "JSON", "Promise", "z", "Z", "Schema", "components", "operations", "$Z", "unknown", "200", "Pet-Status", "pet_status", "__proto__", "constructor"].map(
        (n, i, all) => [n, { type: "object", properties: { next: { $ref: `#/components/schemas/${all[(i + 1) % all.length]!.replace("/", "~1")}` }, list: { type: "array", items: { type: "string", pattern: "^a/b$" } } } }],
      ),
    ),
  },
};

