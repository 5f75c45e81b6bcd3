/**
 * The mocks emitter (`--targets mocks`). From the model alone it writes:
 * - mocks.gen.ts — fixtures (componentFixtures, typed fixtures, responseFixtures, webhookEvents,
 *   webhookFixtures) and make<Component>() factories;
 * - msw.gen.ts — MSW handlers (separate, so non-MSW consumers never import msw);
 * - mock-schemas.gen.ts — what seeded factories run on, with the engine of @specforge/runtime/mocks
 *   (imported, not copied: one engine for the generator and every output);
 * - openapi.mock.json — the bundled spec (ctx.document) with the fixtures as named examples, for Prism.
 * A media-type or parameter example that does not validate is an error (file + JSON pointer +
 * problem) unless the `invalidExamples: "warn"` option (or SPECFORGE_INVALID_EXAMPLES=warn)
 * downgrades it; an invalid schema `example` (an annotation) is a warning (see collect.ts).
 */
import type { Emitter, EmitContext } from "../emitter.js";
import { SpecError, message } from "../../load/spec-error.js";
import { collectFixtures, type InvalidExample } from "./collect.js";
import { mocksModule } from "./module-mocks.js";
import { mswModule } from "./module-msw.js";
import { schemaTableModule } from "./schema-table.js";
import { mockSpec } from "./mock-spec.js";

export type InvalidExamplesMode = "error" | "warn";

export function invalidExamplesMode(ctx: EmitContext): InvalidExamplesMode {
  const option = ctx.options.invalidExamples;
  if (option === "error" || option === "warn") return option;
  return process.env.SPECFORGE_INVALID_EXAMPLES === "warn" ? "warn" : "error";
}

function report(ctx: EmitContext, invalid: InvalidExample[]): void {
  if (invalid.length === 0) return;
  if (invalidExamplesMode(ctx) === "warn") {
    for (const e of invalid) ctx.options.warn(e.pointer, `${e.problem} (ignored: a generated fixture is used instead)`);
    return;
  }
  // One line per example, starting with "- " (the pointer and the problem quote the spec).
  const list = invalid.map((e) => message`\n  - ${e.pointer}: ${e.problem}`);
  throw new SpecError(ctx.options.specLabel, invalid[0]!.pointer, message`${invalid.length} example(s) do not match their schema:${list}\n(fix the examples, or use generated fixtures instead: \`--invalid-examples warn\` on the CLI, \`codegen.invalidExamples: "warn"\` in specforge.config.ts, \`invalidExamples: "warn"\` in generate(), or SPECFORGE_INVALID_EXAMPLES=warn)`);
}

export const emitMocks: Emitter = (ctx) => {
  const set = collectFixtures(ctx.model, ctx.options.seed, ctx.options.warn);
  report(ctx, set.invalidExamples);
  return [
    { path: "mocks.gen.ts", content: mocksModule(ctx, set) },
    { path: "msw.gen.ts", content: mswModule(ctx, set) },
    { path: "mock-schemas.gen.ts", content: schemaTableModule(ctx) },
    { path: "openapi.mock.json", content: mockSpec(ctx, set) },
  ];
};
