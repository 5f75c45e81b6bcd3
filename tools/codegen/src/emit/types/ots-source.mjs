// openapi-typescript, one way for every runner (generate's ots-job, the dev loop's worker).
import "./ots-pointers.mjs";
import { astToString, resolveRef, scanDiscriminators, transformSchema } from "openapi-typescript";
import { breakCyclicMembers } from "./cyclic-members.mjs";
import { addExtraMethods } from "./extra-methods.mjs";
import { nullableWithRequired } from "./with-required.mjs";
import { readWriteForms } from "./read-write-forms.mjs";
import { copyReadWriteFlags } from "./read-write-flags.mjs";
import { fixObjectEnums } from "./object-enums.mjs";
import { discriminatorValues } from "./discriminator-values.mjs";
import { rewriteKeywords2020, tupleType } from "./keywords-2020.mjs";

export const OTS_OPTIONS = {
  silent: true,
  alphabetize: false,
  // A default does not make a property present: requests may omit it, and JSON Schema does not
  // promise a response includes it (this also matches the zod module's inferred types).
  defaultNonNullable: false,
};

/**
 * openapi-typescript's own transform and printer, applied to a document our loader has already
 * parsed, validated and bundled into one file. `openapiTS()` would first serialise it again, lint it
 * with Redocly's "minimal" rules and bundle it once more: 2.6 s of its 4.9 s on GitHub's spec, for
 * work done already (test/ots-types.test.ts proves the output is byte-identical to `openapiTS()`).
 * The context mirrors openapiTS()'s defaults in 7.13.0, which the workspace pins exactly.
 * `fix` (default) rewrites what openapi-typescript writes but tsc rejects (cyclic-members.mjs), what
 * it throws on (object-enums.mjs) and the 2020-12 keywords it ignores or types narrower than the
 * schema (keywords-2020.mjs), its WithRequired helper on nullable schemas (with-required.mjs), types a
 * discriminated member's property by the value the member states rather than its schema name
 * (discriminator-values.mjs), gives request bodies and
 * responses the form without readOnly / writeOnly properties (read-write-flags.mjs, read-write-forms.mjs), and adds
 * the OpenAPI 3.2 methods it leaves out (extra-methods.mjs); the
 * comparison with `openapiTS()` turns it off.
 * @param {object} document — mutated (openapi-typescript annotates discriminators in place)
 * @param {{ fix?: boolean }} [options]
 * @returns {string}
 */
export function typesSource(document, { fix = true } = {}) {
  // Redocly's bundle always leaves a components object, which openapi-typescript then types as an
  // interface of `never` sections rather than `Record<string, never>`.
  document.components ??= {};
  if (fix) {
    rewriteKeywords2020(document);
    fixObjectEnums(document);
    discriminatorValues(document);
    copyReadWriteFlags(document);
  }
  const silent = OTS_OPTIONS.silent;
  const ctx = {
    additionalProperties: false,
    alphabetize: OTS_OPTIONS.alphabetize,
    arrayLength: false,
    defaultNonNullable: OTS_OPTIONS.defaultNonNullable,
    discriminators: scanDiscriminators(document, OTS_OPTIONS),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent,
    inject: undefined,
    transform: fix ? tupleType : undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    // Resolved by readWriteForms into request and response forms (plain types, no markers left).
    readWriteMarkers: fix,
    resolve: ($ref) => resolveRef(document, $ref, { silent }),
  };
  const nodes = transformSchema(document, ctx);
  return astToString(fix ? breakCyclicMembers(nullableWithRequired(readWriteForms(addExtraMethods(nodes, document, ctx)))) : nodes);
}
