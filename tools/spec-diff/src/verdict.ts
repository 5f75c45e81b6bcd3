import type { BumpOrNone } from "./bump.js";
import type { FailOn } from "./config.js";

export interface VerdictInput {
  counts: { breaking: number; warning: number; info: number; accepted: number };
  failOn: FailOn;
  failing: number;
  ok: boolean;
  versionBump: BumpOrNone | "invalid";
  changesetBump: BumpOrNone;
  changesetsRead: boolean;
  from: string;
  to: string;
  suggested?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One line: what fails the gate (if anything), whether the release allows it, and what to do. */
export function verdict(v: VerdictInput): string {
  const { counts, failOn } = v;
  const failingWhat = [
    counts.breaking ? plural(counts.breaking, "breaking change") : "",
    failOn === "warning" && counts.warning ? plural(counts.warning, "warning") : "",
  ].filter(Boolean);
  const accepted = counts.accepted ? `; ${counts.accepted} accepted by the ignore file` : "";
  if (v.failing === 0) {
    const warnings = failOn === "breaking" && counts.warning ? ` (${plural(counts.warning, "warning")})` : "";
    return `${failOn === "warning" ? "no breaking changes or warnings" : "no breaking changes"}${warnings}${accepted}`;
  }
  const n = failingWhat.join(" and ");
  const versions = `info.version ${v.from} → ${v.to}`;
  if (v.ok) return `${n}, allowed: ${v.versionBump === "major" ? `${versions} is a major bump` : "a pending changeset declares a major bump"}${accepted}`;
  const now =
    v.versionBump === "invalid" ? `${versions} is not a version spec:diff can compare` : v.versionBump === "none" ? `${versions} is not bumped` : `${versions} is only a ${v.versionBump} bump`;
  const ways = [
    v.suggested !== undefined ? `set info.version to ${v.suggested}` : "give info.version a new major version",
    ...(v.changesetsRead ? ["record a major changeset (pnpm spec:diff --write-changeset)"] : []),
    "accept reviewed changes in the ignore file",
  ];
  return `${n}, but ${now}: ${ways.slice(0, -1).join(", ")} or ${ways.at(-1)}${accepted}`;
}
