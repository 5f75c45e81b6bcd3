// `@specforge/codegen/config`: what a project's specforge.config.ts imports, and what every
// script reads it with. Types: config.d.mts.
export { ConfigError, resolveConfig } from "./resolve-config.mjs";
export { CONFIG_FILES, findConfig, loadConfig } from "./load-config.mjs";

export function defineConfig(config) {
  return config;
}
