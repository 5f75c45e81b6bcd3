/**
 * `format` exactly as ajv-formats 3.0.1 implements it in "full" mode (the regexes below are
 * copied verbatim; the functions are transcriptions), except where ajv-formats is wrong: `byte`
 * (anchored to the whole string) and `url` (any absolute URL with a host). JSON Schema: a format applies to one
 * instance type only (strings, or numbers for int32/int64/float/double) and unknown formats
 * assert nothing.
 */
/* eslint-disable no-useless-escape, no-control-regex */
const DURATION = /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/;
const URI_REFERENCE = /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const URI_TEMPLATE = /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i;
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const HOSTNAME = /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i;
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const JSON_POINTER = /^(?:\/(?:[^~/]|~0|~1)*)*$/;
const JSON_POINTER_URI_FRAGMENT = /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i;
const RELATIVE_JSON_POINTER = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/;
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
// ajv-formats carries /gm here: with m, "AAAA\n!!!!" passed on its first line. Anchored to the whole string.
const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// `url` (not a JSON Schema or OpenAPI format): ajv-formats' web-URL regex refused localhost, private
// and single-label hosts (http://minio:9000), which real APIs carry in endpoint and upstream fields.
// Here: a scheme, "://", a host, then no white space (like ajv-formats, any other character passes:
// real URLs carry unencoded Unicode in their paths).
const URL_ = /^[a-z][a-z0-9+\-.]*:\/\/(?:[^\s/?#@]*@)?[^\s/?#@:][^\s]*$/i;
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const DATE_TIME_SEPARATOR = /t|\s/i;
const NOT_URI_FRAGMENT = /\/|:/;
const Z_ANCHOR = /[^\\]\\Z/;

export interface FormatDef {
  /** Instance type the format applies to. */
  kind: "string" | "number";
  /** Name of the emitted predicate; undefined = the format asserts nothing (float, binary, …). */
  helper?: string;
  /** Source of the predicate (and of what it needs), in emission order. */
  code?: string[];
  deps?: string[];
}

const re = (name: string, r: RegExp) => `const ${name} = ${String(r)};`;
const test = (helper: string, r: RegExp, reName: string): FormatDef => ({
  kind: "string",
  helper,
  code: [re(reName, r), `const ${helper} = (s: string): boolean => ${reName}.test(s);`],
});

const TIME_CODE = [
  re("$re_time", TIME),
  `const $time = (s: string, strictTimeZone: boolean): boolean => {
  const m = $re_time.exec(s);
  if (!m) return false;
  const hr = Number(m[1]), min = Number(m[2]), sec = Number(m[3]), tz = m[4];
  const tzSign = m[5] === "-" ? -1 : 1;
  const tzH = Number(m[6] || 0), tzM = Number(m[7] || 0);
  if (tzH > 23 || tzM > 59 || (strictTimeZone && !tz)) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
};`,
];

const DATE_CODE = [
  re("$re_date", DATE),
  `const $f_date = (s: string): boolean => {
  const m = $re_date.exec(s);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo] ?? 0;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : days);
};`,
];

const dateTime = (helper: string, strict: boolean): FormatDef => ({
  kind: "string",
  helper,
  deps: ["$f_date", "$time"],
  code: [
    `const ${helper} = (s: string): boolean => {
  const parts = s.split(${String(DATE_TIME_SEPARATOR)});
  return parts.length === 2 && $f_date(parts[0]!) && $time(parts[1]!, ${strict});
};`,
  ],
});

/** Predicates shared by several formats (emitted once, on demand). */
export const FORMAT_SUPPORT: Record<string, { code: string[]; deps?: string[] }> = {
  $time: { code: TIME_CODE },
  $f_date: { code: DATE_CODE },
};

export const FORMATS: Record<string, FormatDef> = {
  date: { kind: "string", helper: "$f_date" },
  time: { kind: "string", helper: "$f_time", deps: ["$time"], code: ["const $f_time = (s: string): boolean => $time(s, true);"] },
  "date-time": dateTime("$f_dateTime", true),
  "iso-time": { kind: "string", helper: "$f_isoTime", deps: ["$time"], code: ["const $f_isoTime = (s: string): boolean => $time(s, false);"] },
  "iso-date-time": dateTime("$f_isoDateTime", false),
  duration: test("$f_duration", DURATION, "$re_duration"),
  uri: {
    kind: "string",
    helper: "$f_uri",
    code: [re("$re_uri", URI), `const $f_uri = (s: string): boolean => ${String(NOT_URI_FRAGMENT)}.test(s) && $re_uri.test(s);`],
  },
  "uri-reference": test("$f_uriReference", URI_REFERENCE, "$re_uriReference"),
  "uri-template": test("$f_uriTemplate", URI_TEMPLATE, "$re_uriTemplate"),
  url: test("$f_url", URL_, "$re_url"),
  email: test("$f_email", EMAIL, "$re_email"),
  hostname: test("$f_hostname", HOSTNAME, "$re_hostname"),
  ipv4: test("$f_ipv4", IPV4, "$re_ipv4"),
  ipv6: test("$f_ipv6", IPV6, "$re_ipv6"),
  regex: {
    kind: "string",
    helper: "$f_regex",
    code: [
      `const $f_regex = (s: string): boolean => {
  if (${String(Z_ANCHOR)}.test(s)) return false;
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
};`,
    ],
  },
  uuid: test("$f_uuid", UUID, "$re_uuid"),
  "json-pointer": test("$f_jsonPointer", JSON_POINTER, "$re_jsonPointer"),
  "json-pointer-uri-fragment": test("$f_jsonPointerUriFragment", JSON_POINTER_URI_FRAGMENT, "$re_jsonPointerUriFragment"),
  "relative-json-pointer": test("$f_relativeJsonPointer", RELATIVE_JSON_POINTER, "$re_relativeJsonPointer"),
  byte: test("$f_byte", BYTE, "$re_byte"),
  int32: { kind: "number", helper: "$f_int32", code: ["const $f_int32 = (v: number): boolean => Number.isInteger(v) && v <= 2147483647 && v >= -2147483648;"] },
  int64: { kind: "number", helper: "$f_int64", code: ["const $f_int64 = (v: number): boolean => Number.isInteger(v);"] },
  float: { kind: "number" },
  double: { kind: "number" },
  password: { kind: "string" },
  binary: { kind: "string" },
};

/** The format definition, or undefined for formats that JSON Schema says to ignore (unknown ones). */
export function formatDef(name: string | undefined): FormatDef | undefined {
  return name !== undefined && Object.prototype.hasOwnProperty.call(FORMATS, name) ? FORMATS[name] : undefined;
}
