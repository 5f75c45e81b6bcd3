/**
 * Realistic values by property name ("email", "firstName", "created_at", "price", "active"…) and
 * by the name of the schema the property belongs to ("name" in User vs in Company). Each rule
 * proposes candidates; the caller keeps the first that satisfies every constraint.
 */
import type { Rng } from "./prng.js";
import { isoDate, isoDateTime, personEmail, slug, uuid } from "./format-values.js";
import * as W from "./words.js";

/** "firstName", "first-name", "FIRST_NAME" → "first_name". */
const normalized = new Map<string, string>();

export function normalizeName(name: string): string {
  let out = normalized.get(name);
  if (out === undefined) normalized.set(name, (out = normalize(name)));
  return out;
}

function normalize(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join("_")
    .toLowerCase();
}

export interface NameHint {
  /** Normalised property name ("" when none). */
  name: string;
  /** Normalised name of the enclosing named schema ("" when none). */
  owner: string;
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const fullName = (rng: Rng) => `${rng.pick(W.FIRST_NAMES)} ${rng.pick(W.LAST_NAMES)}`;
const PERSON = /user|person|customer|member|author|contact|employee|owner|account|profile|people|staff|agent|admin|client|buyer|seller|guest|patient|student|teacher/;
const ORG = /company|organi[sz]ation|org|team|vendor|merchant|business|tenant|workspace|brand/;
const THING = /product|item|sku|article|good|offer/;
const PLACE = /city|place|location|venue|store|shop|warehouse|region/;
const LABEL = /tag|label|topic|keyword/;
const TIME_WORDS = "created|updated|deleted|modified|started|ended|finished|completed|expires|expired|published|last_login|last_seen|scheduled|due|closed|merged|pushed|submitted|archived|cancell?ed|paid|issued|sent|received|resolved|occurred|processed|starts|ends|valid_until|valid_from|not_before|not_after";

type Rule = [RegExp, (rng: Rng, hint: NameHint) => (string | undefined)[]];

const STRING_RULES: Rule[] = [
  // The last word decides: "emails_url" is a URL, "billing_email" an e-mail address.
  [/(^|_)(avatar|image|photo|picture|logo|thumbnail|icon|gravatar)(_url|_uri)?$/, (rng, h) => [`https://images.example.com/${h.name.split("_")[0]}/${rng.hex(12)}.png`]],
  [/(^|_)(url|uri|link|href|website|homepage|endpoint|callback|redirect_uri|webhook)$/, (rng, h) => [`https://example.com/${slug(h.owner || "items").replace(/\./g, "-")}/${rng.int(1, 9999)}`]],
  [/(^|_)(e_?mails?|email_address)$/, (rng) => [personEmail(rng)]],
  [/^(first|given|fore)_name$|^firstname$/, (rng) => [rng.pick(W.FIRST_NAMES)]],
  [/^(last|family|sur)_name$|^(lastname|surname)$/, (rng) => [rng.pick(W.LAST_NAMES)]],
  [/^(full|display|contact|author|owner|customer|person|real|legal|account_holder)_name$|^(author|assignee|fullname|recipient|sender)$/, (rng) => [fullName(rng)]],
  [/(^|_)(user_name|username|login|handle|screen_name|nickname)$/, (rng) => [`${slug(rng.pick(W.FIRST_NAMES))}${rng.int(1, 99)}`]],
  [/(^|_)(phone|mobile|fax|telephone|tel|phone_number|msisdn)$/, (rng) => [`+1415555${rng.int(1000, 1999)}`]],
  [/(^|_)(city|town|locality)$/, (rng) => [rng.pick(W.CITIES)]],
  [/(^|_)(street|street_address|address_line_?1|line_?1|address_?1|street_line_?1)$/, (rng) => [`${rng.int(1, 250)} ${rng.pick(W.STREETS)}`]],
  [/(^|_)(address_line_?2|line_?2|address_?2)$/, (rng) => [`Suite ${rng.int(100, 900)}`]],
  [/^address$/, (rng) => [`${rng.int(1, 250)} ${rng.pick(W.STREETS)}, ${rng.pick(W.CITIES)}`]],
  [/(^|_)(zip|zip_code|postal_code|postcode|zipcode)$/, (rng) => [String(rng.int(10000, 99999))]],
  [/(^|_)country(_code|_iso)?$/, (rng) => { const i = rng.int(0, W.COUNTRIES.length - 1); return [W.COUNTRIES[i], W.COUNTRIES3[i], W.COUNTRY_NAMES[i]]; }],
  [/(^|_)country_name$/, (rng) => [rng.pick(W.COUNTRY_NAMES)]],
  [/(^|_)currency(_code)?$/, (rng) => [rng.pick(W.CURRENCIES), "usd"]],
  [/(^|_)(locale|language|lang)(_code)?$/, (rng) => { const l = rng.pick(W.LOCALES); return [l, l.slice(0, 2)]; }],
  [/time_?zone$|^tz$/, (rng) => [rng.pick(W.TIMEZONES)]],
  [/(^|_)(domain|host|hostname)$/, () => ["api.example.com"]],
  [/(^|_)ip(_address|v4)?$/, (rng) => [`192.0.2.${rng.int(1, 254)}`]],
  [new RegExp(`(^|_)(${TIME_WORDS})(_at|_time|_timestamp)?$|(_at|_time|timestamp|datetime)$`), (rng) => [isoDateTime(rng)]],
  [/(^|_)(date|birthday|birth_date|birthdate|dob|day)$|_(date|on)$/, (rng) => [isoDate(rng)]],
  [/(^|_)(description|summary|bio|about|notes?|comment|message|body|content|text|details|reason|caption|instructions|remarks)$/, (rng) => [rng.pick(W.SENTENCES)]],
  [/(^|_)(title|subject|headline|heading)$/, (rng) => [`${cap(rng.pick(W.WORDS))} ${rng.pick(W.WORDS)} ${rng.pick(W.WORDS)}`]],
  [/(^|_)(company|organi[sz]ation|employer|org|vendor|merchant|brand|business)(_name)?$/, (rng) => [rng.pick(W.COMPANIES)]],
  [/(^|_)(product|item)_?name$|^product$/, (rng) => [rng.pick(W.PRODUCTS)]],
  [/(^|_)(sku|product_code|item_code|part_number|upc)$/, (rng) => [`SKU-${rng.int(10000, 99999)}`]],
  [/(^|_)slug$/, (rng) => [`${rng.pick(W.WORDS)}-${rng.pick(W.WORDS)}`]],
  [/(^|_)colou?r$/, (rng) => [rng.pick(W.COLORS)]],
  [/(^|_)(mime_?type|content_type|media_type)$/, (rng) => [rng.pick(W.MIME_TYPES)]],
  [/(^|_)(file_?name|attachment)$/, (rng) => [rng.pick(W.FILE_NAMES)]],
  [/(^|_)path$/, (rng) => [`/files/${rng.pick(W.FILE_NAMES)}`]],
  [/(^|_)version$/, (rng) => [`${rng.int(1, 3)}.${rng.int(0, 9)}.${rng.int(0, 20)}`]],
  [/(^|_)(password|passphrase|secret)$/, () => ["correct-horse-battery-staple"]],
  [/(^|_)(token|api_key|access_token|refresh_token|secret_key|client_secret|key)$/, (rng) => [`tok_${rng.hex(24)}`]],
  [/(^|_)(hash|sha|checksum|etag|digest|fingerprint|commit|commit_sha|sha1|node_id)$/, (rng) => [rng.hex(40)]],
  [/(^|_)(status|state)$/, (rng) => [rng.pick(W.STATUSES)]],
  [/(^|_)(tag|keyword|label)$/, (rng) => [rng.pick(W.TAGS)]],
  [/(^|_)(type|kind|category)$/, (rng) => [rng.pick(["standard", "premium", "basic"])]],
  [/(^|_)(id|uuid|guid|identifier)$|_id$/, (rng) => [uuid(rng), rng.hex(24), String(rng.int(1, 99999))]],
  [/(^|_)name$/, (rng, h) => {
    const o = h.owner;
    if (PERSON.test(o)) return [fullName(rng)];
    if (ORG.test(o)) return [rng.pick(W.COMPANIES)];
    if (THING.test(o)) return [rng.pick(W.PRODUCTS)];
    if (PLACE.test(o)) return [rng.pick(W.CITIES)];
    if (LABEL.test(o)) return [rng.pick(W.TAGS)];
    return [`${cap(rng.pick(W.WORDS))} ${rng.pick(W.WORDS)}`];
  }],
];

/** Candidate strings for a property name, most realistic first ([] when the name says nothing). */
const stringRule = new Map<string, Rule[1] | null>();

export function stringsByName(hint: NameHint, rng: Rng): string[] {
  if (!hint.name) return [];
  let make = stringRule.get(hint.name);
  if (make === undefined) stringRule.set(hint.name, (make = STRING_RULES.find(([re]) => re.test(hint.name))?.[1] ?? null));
  return make ? make(rng, hint).filter((s): s is string => s !== undefined) : [];
}

type NumRule = [RegExp, (rng: Rng, integer: boolean) => number];
const money = (rng: Rng, integer: boolean) => (integer ? rng.int(5, 500) * 100 - 1 : rng.int(5, 500) - 0.01);
const NUMBER_RULES: NumRule[] = [
  [/(^|_)(price|amount|cost|subtotal|total_price|total_amount|balance|fee|tax|salary|revenue|discount|unit_price|charge)(_cents|_amount|_minor)?$/, money],
  [/(^|_)(lat|latitude)$/, (rng) => rng.int(-6000, 6000) / 100],
  [/(^|_)(lng|lon|long|longitude)$/, (rng) => rng.int(-17000, 17000) / 100],
  [/(^|_)age$/, (rng) => rng.int(18, 80)],
  [/(^|_)year$/, (rng) => rng.int(2024, 2025)],
  [/(^|_)month$/, (rng) => rng.int(1, 12)],
  [/(^|_)(day|day_of_month)$/, (rng) => rng.int(1, 28)],
  [/(^|_)hour$/, (rng) => rng.int(0, 23)],
  [/(^|_)(minute|second)s?$/, (rng) => rng.int(0, 59)],
  [/(^|_)page$/, () => 1],
  [/(^|_)(per_page|page_size|limit|max_results|size)$/, () => 20],
  [/(^|_)offset$/, () => 0],
  [/(^|_)(quantity|qty)$/, (rng) => rng.int(1, 5)],
  [/(^|_)(rating|stars)$/, (rng) => rng.int(3, 5)],
  [/(^|_)(percent|percentage|progress|score)$/, (rng) => rng.int(10, 95)],
  [/(^|_)(temperature|top_p|ratio|probability|weight_ratio|confidence)$/, (rng, integer) => (integer ? 1 : rng.int(1, 9) / 10)],
  [/(^|_)(width|height)$/, (rng) => rng.pick([480, 640, 720, 1024])],
  [/(^|_)port$/, () => 8080],
  [/(^|_)(duration|seconds|timeout|ttl|expires_in|interval)$/, (rng) => rng.pick([30, 60, 300, 3600])],
  [/(^|_)(count|total|total_count|num_\w+|number_of_\w+|\w+_count)$/, (rng) => rng.int(1, 42)],
  [/(^|_)(id|number|num)$|_id$/, (rng) => rng.int(1, 99999)],
  [/(^|_)(created|updated|timestamp)(_at)?$|_at$/, (rng) => 1704067200 + rng.int(0, 40000000)],
];

/** A realistic number for a property name, or undefined. */
const numberRule = new Map<string, NumRule[1] | null>();

export function numberByName(hint: NameHint, integer: boolean, rng: Rng): number | undefined {
  if (!hint.name) return undefined;
  let make = numberRule.get(hint.name);
  if (make === undefined) numberRule.set(hint.name, (make = NUMBER_RULES.find(([re]) => re.test(hint.name))?.[1] ?? null));
  return make ? make(rng, integer) : undefined;
}

const TRUE = /^(is_|has_|can_)?(active|enabled|verified|visible|public|available|success|ok|valid|confirmed|published|approved|default|primary|email_verified|paid|online|completed|allowed|accepted|live|healthy|subscribed)$/;
const FALSE = /(deleted|disabled|archived|locked|blocked|private|banned|suspended|failed|error|expired|deprecated|hidden|draft|test|sandbox|spam|fork|template|read_only|readonly|truncated|muted)$/;

/** A realistic boolean for a property name, or undefined. */
export function booleanByName(hint: NameHint): boolean | undefined {
  if (FALSE.test(hint.name)) return false;
  if (TRUE.test(hint.name) || /^(has|can|is)_/.test(hint.name)) return true;
  return undefined;
}
