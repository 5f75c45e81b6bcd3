import type { SpecDiffResult } from "../run.js";
import type { Format } from "../config.js";
import { renderText } from "./text.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderJunit } from "./junit.js";
import { renderGithub, type GithubOptions } from "./github.js";

export { renderText, renderJson, renderMarkdown, renderJunit, renderGithub };

/** The report in `format`; `changelog` lists every change instead of the gate's view (JSON always has all). */
export function render(r: SpecDiffResult, format: Format, changelog = false, github: GithubOptions = {}): string {
  switch (format) {
    case "json":
      return renderJson(r);
    case "markdown":
      return renderMarkdown(r, changelog);
    case "junit":
      return renderJunit(r, changelog);
    case "github":
      return renderGithub(r, changelog, github);
    default:
      return renderText(r, changelog);
  }
}
