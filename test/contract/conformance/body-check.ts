import { deref, type SpecOperation } from "../support/spec.js";
import { eventValidator } from "./event-schema.js";
import { preview } from "./preview.js";
import type { Answer } from "./recorder.js";
import { parseEvents } from "./sse-parse.js";
import type { Violation, Where } from "./violations.js";

type Json = Record<string, any>;

const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json$/i;
/** At most this many events of one stream are reported: the first ones say what is wrong. */
const REPORTED_EVENTS = 5;

/**
 * What Prism lets through about a success body: one that is not JSON though its content type
 * says so, an empty one where the documented response has a JSON schema (a body-less answer is
 * not validated at all), and the events of a stream, whose data Prism never decodes.
 */
export function bodyViolations(spec: Json, op: SpecOperation, where: Where, answer: Answer): Violation[] {
  if (answer.status < 200 || answer.status > 299) return [];
  // Only the start was kept: a valid body would fail JSON.parse (see uncheckedBody).
  if (answer.truncated) return [];
  const at = (pointer: string, code: string, message: string, part = "response.body"): Violation => ({ ...where, severity: "Error", in: part, pointer, code, message });
  if (answer.undecodable) return [at("", "encoding", answer.undecodable)];
  const responses = op.raw.responses ?? {};
  // `default` documents the statuses not listed, which a 2xx the spec does not name is not meant to be.
  const documented = deref<Json | undefined>(responses[String(answer.status)] ?? responses["2XX"], spec);
  const content: Json = documented?.content ?? {};
  const type = String(answer.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  const text = answer.body.toString("utf8");

  if (text.trim() === "") {
    // A HEAD answer, a 204 and a 205 have no body by definition (RFC 9110).
    if (op.method.toLowerCase() === "head" || answer.status === 204 || answer.status === 205) return [];
    const json = Object.entries(content).find(([media, m]) => JSON_MEDIA.test(media) && m?.schema !== undefined);
    return json ? [at("", "empty", `empty body where the documented ${answer.status} has a ${json[0]} schema`)] : [];
  }
  if (JSON_MEDIA.test(type)) {
    try {
      JSON.parse(text);
    } catch (e) {
      return [at("", "json", `body is not JSON though its content type is ${type} (${(e as Error).message}): ${preview(text)}`)];
    }
    return [];
  }
  if (type === "text/event-stream") {
    const schema = content["text/event-stream"]?.["x-sse-event-schema"];
    return schema === undefined ? [] : eventViolations(spec, deref<Json>(schema, spec), text, at);
  }
  return [];
}

function eventViolations(spec: Json, schema: Json, text: string, at: (pointer: string, code: string, message: string, part?: string) => Violation): Violation[] {
  let check: ReturnType<typeof eventValidator>;
  try {
    check = eventValidator(schema, spec);
  } catch (e) {
    return [{ ...at("", "schema", `the event schema could not be compiled, events not checked: ${(e as Error).message}`, "response.events"), severity: "Warning" }];
  }
  const out: Violation[] = [];
  parseEvents(text).forEach((event, i) => {
    if (out.length >= REPORTED_EVENTS) return;
    const name = `event ${i}${event.event !== undefined ? ` (${event.event})` : ""}`;
    // A bare `data:` (a keep-alive, say) carries nothing to decode or check.
    if (event.data === "") return;
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      out.push(at(`/${i}/data`, "json", `${name}: data is not JSON: ${preview(event.data)}`, "response.events"));
      return;
    }
    const issue = check(data, event)[0];
    if (issue) out.push(at(`/${i}${issue.pointer}`, "schema", `${name}: ${issue.message}: ${preview(event.data)}`, "response.events"));
  });
  return out;
}

/** Why the body checks above did not judge an answer's body, for the report line; undefined when they did. */
export function uncheckedBody(answer: Answer): string | undefined {
  if (answer.status < 200 || answer.status > 299 || !answer.truncated) return undefined;
  return "body over the kept size (1 MiB, 16 MiB decoded): not checked as JSON, for emptiness or its events";
}
