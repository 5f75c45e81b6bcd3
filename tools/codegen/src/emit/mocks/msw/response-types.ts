/**
 * The types msw.gen.ts checks overrides with: each operation's response bodies by status and media
 * type, as the client's responses are typed (openapi-typescript's `paths`), and its default status.
 */
import type { IROperation } from "../../../ir/types.js";
import { propertyKey, stringLiteral } from "../../inert.js";
import type { FixtureSet } from "../collect.js";
import { specStatus } from "../collect.js";
import { responseType } from "../ts-types.js";

export function responseTypes(set: FixtureSet, keys: string[], defaultStatus: (op: IROperation) => string | undefined): string[] {
  const out = [`/** Response bodies by operationId, status (as in \`responseFixtures\`) and media type: what \`handlerFor\`'s \`body\` must be. */`, `export interface ResponseBodies {`];
  set.operations.forEach(({ op, responses }, i) => {
    const statuses = responses.map((r) => {
      const media = r.media.map((m) => `${propertyKey(m.mediaType, "quoted")}: ${responseType(op, r.status, m.mediaType)}`);
      return `    ${propertyKey(specStatus(r.status), "quoted")}: {${media.length ? ` ${media.join("; ")} ` : ""}};`;
    });
    out.push(`  ${propertyKey(keys[i]!)}: {${statuses.length ? `\n${statuses.join("\n")}\n  ` : ""}};`);
  });
  out.push(`}`, "");
  out.push(`/** The status each operation's default handler answers with. */`, `export interface DefaultStatuses {`);
  set.operations.forEach(({ op }, i) => {
    const status = defaultStatus(op);
    out.push(`  ${propertyKey(keys[i]!)}: ${status === undefined ? "never" : stringLiteral(status)};`);
  });
  out.push(`}`, "");
  return out;
}
