/** The start of a body on one line, for a violation message. */
export function preview(body: Buffer | string, max = 80): string {
  const text = (typeof body === "string" ? body : body.toString("utf8")).replace(/\s+/g, " ").trim();
  if (text === "") return "(empty)";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
