// The new project installs specforge's packages (codegen, spec-diff, runtime) from a registry.
// When they are not there, pnpm's 404 alone does not say what is missing or how to point the
// project at a registry that has them: these say both.
import { SPECFORGE_PACKAGES } from "./copy-files.mjs";

/** `--registry <url>`, checked; the new project's .npmrc then sends @specforge/* there. */
export function npmrc(url, fail) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    fail(`--registry ${JSON.stringify(url)}: not a URL (e.g. https://npm.example.com/)`);
  }
  if (!/^https?:$/.test(parsed.protocol)) fail(`--registry ${parsed.protocol}//${parsed.host}${parsed.pathname}: an http(s) URL is needed`);
  // The .npmrc is committed with the project: no credentials in it (and no query or fragment,
  // which a registry URL has not and pnpm would join package names onto).
  const path = parsed.pathname.endsWith("/") ? parsed.pathname : `${parsed.pathname}/`;
  const plain = `${parsed.protocol}//${parsed.host}${path}`;
  if (parsed.username || parsed.password || parsed.search || parsed.hash)
    fail(`--registry ${plain}: give the URL without a user, password, query or fragment (it is written to the project's committed .npmrc); put a token in your user ~/.npmrc as //${parsed.host}${path}:_authToken=…`);
  const href = plain;
  return `# specforge's packages (@specforge/codegen, spec-diff, runtime) come from here.\n@specforge:registry=${href}\n`;
}

/** One clear message when `output` (a failed install's) is a 404 of one of specforge's packages, else undefined. */
export function missingSpecforgePackages(output, versions) {
  const names = Object.keys(SPECFORGE_PACKAGES);
  if (!/ERR_PNPM_FETCH_404|E404|Not Found - 404/.test(output)) return undefined;
  // pnpm names a package in its GET URL (`@specforge%2Fcodegen`) and in "… is not in the registry".
  const missing = names.filter((n) => output.includes(`${n} is not in`) || output.toLowerCase().includes(n.replace("/", "%2f")));
  if (!missing.length) return undefined;
  const registry = /GET (https?:\/\/\S+?)\/?@specforge/.exec(output)?.[1] ?? "the registry";
  const wanted = names.map((n) => `${n}@${versions[n]}`).join(", ");
  return `the new project needs ${wanted} from a registry, and ${registry} has not got ${missing.join(", ")} (404). Publish them there (pnpm publish in tools/codegen, tools/spec-diff, packages/runtime) or use a registry that has them: run the scaffold again with --registry <url> (written to the project's .npmrc for @specforge/*), or set pnpm_config_registry=<url>.`;
}
