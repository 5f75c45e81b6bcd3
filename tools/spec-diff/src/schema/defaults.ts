import type { SchemaView } from "./view.js";
import { same } from "./view.js";
import { type CompareContext, fmt } from "./context.js";

/**
 * `default` of a request value is what the server does when a client leaves it out: changing or
 * removing it silently changes the behaviour clients get (breaking); adding one documents what
 * leaving it out already did (minor). A response's default only documents (patch). A default
 * inside a `not` means nothing.
 */
export function compareDefaults(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const b = bv.default;
  const h = hv.default;
  if (cx.negated || (!b && !h) || (b && h && same(b.value, h.value))) return;
  const request = cx.dir === "request";
  const pointer = `${hv.at.default ?? bv.at.default ?? hv.pointer}/default`;
  const kind = !b ? "added" : !h ? "removed" : "changed";
  const what = !b ? `default ${fmt(h!.value)} added` : !h ? `default ${fmt(b.value)} removed` : `default changed from ${fmt(b.value)} to ${fmt(h.value)}`;
  const effect = !request
    ? " (documentation only)"
    : kind === "added"
      ? " (documents what leaving it out does)"
      : ": clients that leave it out get a different behaviour";
  cx.sink.emit({
    rule: `${cx.dir}-default-${kind}`,
    breaking: request && kind !== "added",
    ...(request ? {} : { bump: "patch" as const }),
    pointer,
    reason: `${where}: ${what}${effect}`,
  });
}
