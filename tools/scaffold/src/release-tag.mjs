// The release tag the new project starts from (spec:diff's baseline). Any semver is taken as it
// is (`1.0.27-SNAPSHOT`, `2.0.0+build.5`); anything else (`1.x`, `v2`, a date) cannot be compared
// by spec:diff, so the project starts at v0.0.0 and the user is told why.

// semver.org's regular expression.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** @returns {{ version: string; note?: string }} */
export function releaseVersion(infoVersion) {
  if (typeof infoVersion === "string" && SEMVER.test(infoVersion.trim())) return { version: infoVersion.trim() };
  const was = infoVersion === undefined ? "no info.version" : `info.version ${JSON.stringify(infoVersion)} is not a semver version`;
  return { version: "0.0.0", note: `${was}: the first commit is tagged v0.0.0 as spec:diff's baseline (set info.version to a semver such as 1.0.0 and tag the release it names to compare against that)` };
}
