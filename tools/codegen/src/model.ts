/**
 * `@specforge/codegen/model`: the generator's loader and normalised model, for tools that read
 * specs the way the generated packages see them (spec-diff does). Any OpenAPI 2.0/3.0/3.1
 * document, JSON or YAML, one file or many: `buildModel(await loadSpec(file))`.
 */
export { loadSpec, type LoadedSpec } from "./load/load-spec.js";
export { buildModel } from "./ir/build-model.js";
export type * from "./ir/types.js";
export { SpecError, escapePointerToken, joinPointer, parsePointer, getAtPointer } from "./load/spec-error.js";
/** How the generated client names each operation (`api.users.list`): its groups and members. */
export { surfaceGroups, type SurfaceGroup } from "./emit/client/surface-names.js";
