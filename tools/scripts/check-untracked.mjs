// Fails when generation produced files git does not know yet (git diff alone misses them).
import { execFileSync } from "node:child_process";

const out = execFileSync("git", ["status", "--porcelain", "--untracked-files=all", "--", "packages", "spec"], { encoding: "utf8" });
const untracked = out.split("\n").filter((l) => l.startsWith("??") && l.includes("/src/generated/"));
if (untracked.length) {
  console.error("generate:check: generated files are not committed:\n" + untracked.join("\n"));
  process.exit(1);
}
console.log("generate:check: generated code matches the spec.");
