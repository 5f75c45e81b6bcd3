/**
 * mocks.gen.ts: shared component fixtures (typed constants), `componentFixtures`, typed
 * `fixtures` (operation → status → body of the first JSON media type), `responseFixtures`
 * (operationId → status → media type → body, plain JSON), `requestFixtures` (operationId → a
 * valid request as the client's init), `webhookEvents`/`webhookFixtures`,
 * and one `make<Component>(overrides, { seed })` factory per component schema.
 */
import type { IROperation } from "../../ir/types.js";
import { generatedHeader, siblingModule, type EmitContext } from "../emitter.js";
import { indexLiteral, jsDoc, propertyKey, stringLiteral } from "../inert.js";
import type { FixtureSet } from "./collect.js";
import { LiteralPrinter } from "./print-value.js";
import { dependencies, sharedConstants, type SharedConst } from "./shared-values.js";
import { componentType, primaryMedia, responseType, statusKey, webhookType } from "./ts-types.js";
import { factoriesSection } from "./module-factories.js";

export function mocksModule(ctx: EmitContext, set: FixtureSet): string {
  const { model, options } = ctx;
  const typedWebhooks = model.sourceVersion === "3.1" ? set.webhooks.filter((w) => w.op.pointer.startsWith("#/webhooks/")) : [];
  const roots = [...set.components.map((c) => c.value), ...set.operations.flatMap((o) => o.responses.flatMap((r) => r.media.map((m) => m.value))), ...set.webhooks.flatMap((w) => w.media.map((m) => m.value))];
  const shared = sharedConstants(set, roots);
  const printer = new LiteralPrinter(new Map([...shared].map(([v, c]) => [v, c.name])));
  const out: string[] = [generatedHeader(ctx, `Mock fixtures of ${model.title} ${model.version}: deterministic (seed ${options.seed}), valid against the spec.`)];
  const typeImports = [set.components.length && "components", set.operations.some((o) => o.responses.some((r) => r.media.length)) && "paths", typedWebhooks.some((w) => w.media.length) && "webhooks"].filter(Boolean);
  if (typeImports.length) out.push(`import type { ${typeImports.join(", ")} } from ${stringLiteral(options.typesImport)};`);
  if (set.components.length) out.push(`import { MockGenerator, type MockSchema } from "@specforge/runtime/mocks";`, `import { schemaTable } from ${stringLiteral(siblingModule(options, "mock-schemas.gen"))};`);
  out.push("", `/** The seed these fixtures were generated with (\`--seed\`). */`, `export const seed = ${options.seed};`, "");

  // Shared constants, dependencies first. Fixtures are asserted to their openapi-typescript types, not
  // checked against them: those types are narrower than JSON Schema in places (discriminator values
  // replace enums), while validity is proven by the schema.
  const declared = new Set<string>();
  const declare = (c: SharedConst) => {
    if (declared.has(c.name)) return;
    declared.add(c.name);
    dependencies(c.value, shared, c.value).forEach(declare);
    out.push(`const ${c.name} = ${printer.print(c.value, "", c.value)} as unknown as ${componentType(c.component)};`);
  };
  if (set.components.length) out.push("// ── Component fixtures ──", "");
  for (const c of set.components) {
    const own = typeof c.value === "object" && c.value !== null ? shared.get(c.value) : undefined;
    if (own && own.name === `$${c.ident}`) {
      declare(own);
      continue;
    }
    dependencies(c.value, shared).forEach(declare);
    out.push(`const $${c.ident} = ${printer.print(c.value)} as unknown as ${componentType(c.name)};`);
  }
  for (const c of shared.values()) declare(c);
  out.push("");
  out.push(`/** One fixture per component schema, keyed by the component's original name (plain JSON; treat as read-only, use \`make*\` for copies). */`);
  out.push(`export const componentFixtures = {`, ...set.components.map((c) => `  ${propertyKey(c.name)}: $${c.ident},`), `};`, "");

  // Typed response bodies.
  const typedOps = set.operations.map((o) => ({ ...o, typed: o.responses.map((r) => ({ status: r.status, media: primaryMedia(r.media) })).filter((r) => r.media) }));
  out.push(`/** Types of \`fixtures\`: the body of each documented response (first JSON media type). */`, `export interface Fixtures {`);
  for (const o of typedOps) {
    if (!o.typed.length) continue;
    out.push(jsDoc([`\`${o.op.method.toUpperCase()} ${o.op.path}\``], "  "), `  ${propertyKey(o.op.ident)}: {`);
    for (const r of o.typed) out.push(`    ${statusKey(r.status)}: ${responseType(o.op, r.status, r.media!.mediaType)};`);
    out.push(`  };`);
  }
  out.push(`}`, "");
  out.push(`/** \`fixtures.<operation>[status]\`: the typed body of every documented response, by operation identifier. */`, `export const fixtures = {`);
  for (const o of typedOps) {
    if (!o.typed.length) continue;
    out.push(`  ${propertyKey(o.op.ident)}: {`);
    for (const r of o.typed) out.push(`    ${statusKey(r.status)}: ${printer.print(r.media!.value, "    ")},`);
    out.push(`  },`);
  }
  out.push(`} as unknown as Fixtures;`, "");

  const opKeys = uniqueKeys(set.operations.map((o) => o.op));
  out.push(
    jsDoc([
      "Every documented response as plain JSON: `responseFixtures[operationId][status][mediaType]` = body.",
      "Keyed by operationId (\"METHOD /path\" for operations without one), then status as written in the",
      "spec (\"200\", \"4XX\", \"default\"), then media type; a response without content is `{}`.",
    ], ""),
    `export const responseFixtures = {`,
  );
  const requests = set.operations.map((o, i) => `  ${propertyKey(opKeys[i]!)}: ${printer.print({ params: o.request.params, ...(o.request.mediaType ? { body: o.request.body, mediaType: o.request.mediaType } : {}) }, "  ")},`);
  set.operations.forEach((o, i) => {
    out.push(`  ${propertyKey(opKeys[i]!)}: {`);
    for (const r of o.responses) {
      const primary = primaryMedia(r.media);
      const entries = r.media.map((m) => `${propertyKey(m.mediaType, "quoted")}: ${m === primary ? `fixtures.${o.op.ident}[${indexLiteral(r.status)}]` : printer.print(m.value, "      ")}`);
      const key = propertyKey(r.status, "quoted");
      out.push(entries.length ? `    ${key}: {\n${entries.map((e) => `      ${e},`).join("\n")}\n    },` : `    ${key}: {},`);
    }
    out.push(`  },`);
  });
  out.push(`};`, "");
  out.push(
    jsDoc([
      "A valid request for every operation, as the generated client's `init` (plain JSON): every required",
      "parameter and each optional one with a spec example, under `params.path|query|header|cookie`, and the",
      "body of the first media type (`mediaType` names it). Spec examples win; generated values fill the rest.",
      "Keyed like `responseFixtures`. Contract tests send these; credentials are left to the client.",
    ], ""),
    `export const requestFixtures: Record<string, { params: Partial<Record<"path" | "query" | "header" | "cookie", Record<string, unknown>>>; body?: unknown; mediaType?: string }> = {`,
    ...requests,
    `};`,
    "",
  );

  // Webhooks.
  const hookKeys = uniqueKeys(set.webhooks.map((w) => w.op), set.webhooks.map((w) => w.name));
  out.push(`/** Types of \`webhookEvents\` (\`unknown\` where the types have no \`webhooks\` entry, e.g. 3.0 x-webhooks). */`, `export interface WebhookEvents {`);
  set.webhooks.forEach((w, i) => {
    const m = primaryMedia(w.media);
    if (m) out.push(`  ${propertyKey(hookKeys[i]!)}: ${typedWebhooks.includes(w) ? webhookType(w.name, w.op, m.mediaType) : "unknown"};`);
  });
  out.push(`}`, "");
  out.push(`/** The typed payload of each webhook (first JSON media type of its request body), by webhook name. */`, `export const webhookEvents = {`);
  set.webhooks.forEach((w, i) => {
    const m = primaryMedia(w.media);
    if (m) out.push(`  ${propertyKey(hookKeys[i]!)}: ${printer.print(m.value, "  ")},`);
  });
  out.push(`} as unknown as WebhookEvents;`, "");
  out.push(`/** Every webhook payload as plain JSON: \`webhookFixtures[webhookName][mediaType]\` = payload. */`, `export const webhookFixtures = {`);
  set.webhooks.forEach((w, i) => {
    const primary = primaryMedia(w.media);
    const entries = w.media.map((m) => `${propertyKey(m.mediaType, "quoted")}: ${m === primary ? `webhookEvents[${stringLiteral(hookKeys[i]!)}]` : printer.print(m.value, "    ")}`);
    out.push(`  ${propertyKey(hookKeys[i]!)}: {${entries.length ? `\n${entries.map((e) => `    ${e},`).join("\n")}\n  ` : ""}},`);
  });
  out.push(`};`, "");
  if (set.components.length) out.push(factoriesSection(set));
  return out.join("\n") + "\n";
}

/** operationId (or "METHOD /path"), made unique when a spec repeats one. */
export function uniqueKeys(ops: IROperation[], names = ops.map((o) => o.id)): string[] {
  const seen = new Set<string>();
  return names.map((n, i) => {
    let key = n;
    if (seen.has(key)) key = `${n} (${ops[i]!.method.toUpperCase()} ${ops[i]!.path})`;
    for (let k = 2; seen.has(key); k++) key = `${n} (${k})`;
    seen.add(key);
    return key;
  });
}
