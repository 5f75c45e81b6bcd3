// The BFF of the new project (packages/bff, copied by copy-files.mjs): its one API-specific
// module written for the new spec, and its manifest and README without the tests, which exercise
// specforge's own Platform API (its operations, fixtures and error envelope) and stay there.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The BFF's package.json: no test scripts, and none of the tests' dependencies. */
export function bffPackageJson(repo) {
  const ours = JSON.parse(readFileSync(join(repo, "packages/bff/package.json"), "utf8"));
  const { test: _t, "test:browser": _b, ...scripts } = ours.scripts;
  const { devDependencies: _d, ...rest } = ours;
  return { ...rest, scripts };
}

/**
 * A README of a copied package whose examples name specforge's example API's operations: says so
 * once, after the title, as the new spec's operations are not those.
 */
export const withExampleNote = (markdown) =>
  markdown.replace(/^(# .*\n)/, (title) => `${title}\n> The examples below use specforge's example API (operations such as \`listUsers\`, paths such as\n> \`/users/{id}\`); put your spec's operation ids and paths in their place.\n`);

/** The BFF's README up to its Tests section, which describes specforge's own suite. */
export function bffReadme(repo) {
  const ours = readFileSync(join(repo, "packages/bff/README.md"), "utf8");
  const at = ours.indexOf("\n## Tests\n");
  if (at < 0) throw new Error("packages/bff/README.md: no \"## Tests\" section to leave out");
  const head = withExampleNote(ours.slice(0, at).trimEnd());
  return `${head}

## Tests

specforge tests this BFF against its own example API; those tests stay there, as they use that
API's operations and data. Here, \`pnpm test\` type-checks it with the rest of the project.
`;
}

/**
 * The BFF's one API-specific module (packages/bff/src/api-formats.ts) for an API known only by its
 * spec: RFC 9457 problem details for the BFF's own errors, the spec's `webhooks` for deliveries.
 */
export function bffApiFormats({ scope }) {
  return `/**
 * What the BFF takes from this API's contract beyond what the generator emits for every spec: the
 * body of an error answer and the webhook events. The rest of the BFF reads only this module.
 *
 * Errors the BFF itself produces (CORS, 429, validation, the API down…) are RFC 9457 problem
 * details (application/problem+json), as a spec says what its error bodies look like but not how
 * to build one. An error answer of the API passes as it is when the spec documents that body for
 * its status; anything else becomes a problem with a generic message. To answer in the API's own
 * error format instead, export an errorBody and a keepApiError of that format here (specforge's
 * own Platform API does so with its error envelope).
 *
 * Deliveries to the webhook receiver are checked against the payloads of the spec's \`webhooks\`
 * (any one of them). A spec without webhooks types them \`unknown\` and checks nothing unless
 * \`webhook.validate\` is set (then: any JSON object).
 */
import { webhooks } from "${scope}/zod";
import { webhookEventsOf, type EventOf } from "./webhook-events.js";

export {
  PROBLEM_CONTENT_TYPE as ERROR_CONTENT_TYPE,
  problemDetails as errorBody,
  keepDocumentedError as keepApiError,
  type BffErrorCode as ErrorCode,
  type FieldError,
  type ProblemDetails as ErrorBody,
} from "./error-format.js";

/** A webhook event as delivered: one of the spec's webhook payloads. */
export type WebhookEvent = EventOf<typeof webhooks>;

export const webhookEvents = webhookEventsOf(webhooks);
`;
}
