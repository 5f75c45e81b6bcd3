/**
 * How a list operation paginates, as the generated client's metadata tells the runtime: the style
 * (`x-pagination`, else inferred from the query parameters and a `Link` response header) and the
 * names of the cursor, page-size and offset parameters when the spec's are not `cursor`, `limit`
 * and `offset`.
 * Given an operation as real APIs write it, want its `pagination`.
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/ir/build-model.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();

async function paginationOf(op: object, method = "get") {
  const file = join(scratch("pagination-"), "spec.json");
  writeFileSync(file, JSON.stringify({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths: { "/things": { [method]: { responses: { "200": { description: "ok" } }, ...op } } } }));
  return buildModel(await loadSpec(file)).operations[0]!.pagination;
}

const q = (...names: string[]) => ({ parameters: names.map((name) => ({ name, in: "query", schema: { type: "string" } })) });
const linkHeader = { responses: { "200": { description: "ok", headers: { Link: { schema: { type: "string" } } } } } };

describe("pagination of list operations", () => {
  it.each([
    ["ours: page and limit", q("page", "limit"), { style: "page", source: "inferred" }],
    ["ours: cursor and limit", q("cursor", "limit"), { style: "cursor", source: "inferred" }],
    ["Stripe: starting_after and limit", q("starting_after", "ending_before", "limit"), { style: "cursor", source: "inferred", params: { cursor: "starting_after" } }],
    ["Google: pageToken and pageSize", q("pageToken", "pageSize"), { style: "cursor", source: "inferred", params: { cursor: "pageToken", limit: "pageSize" } }],
    ["Slack: cursor and limit", q("cursor", "limit", "types"), { style: "cursor", source: "inferred" }],
    ["GitHub: page and per_page, with a Link header", { ...q("page", "per_page"), ...linkHeader }, { style: "link", source: "inferred", params: { limit: "per_page" } }],
    ["GitHub without the header: page style", q("page", "per_page"), { style: "page", source: "inferred", params: { limit: "per_page" } }],
    ["x-pagination wins, and the spec's names still apply", { ...q("after", "page_size"), "x-pagination": { style: "cursor" } }, { style: "cursor", source: "extension", params: { cursor: "after", limit: "page_size" } }],
    ["Spotify: offset and limit", q("offset", "limit", "market"), { style: "offset", source: "inferred" }],
    ["Jira: startAt and maxResults", q("jql", "startAt", "maxResults"), { style: "offset", source: "inferred", params: { limit: "maxResults", offset: "startAt" } }],
    ["an offset without a page size is not taken for paging", q("offset"), undefined],
    ["no paging parameter: not a list", q("q", "sort"), undefined],
  ] as const)("%s", async (_name, op, want) => {
    expect(await paginationOf(op)).toEqual(want);
  });

  it("only a GET is inferred to paginate", async () => {
    expect(await paginationOf(q("cursor"), "post")).toBeUndefined();
  });
});
