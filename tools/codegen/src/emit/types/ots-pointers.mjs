// openapi-typescript builds each schema's JSON pointer with Redocly's `escapePointer` (`~` and `/`
// only) and reads it back with `parseRef`, which also percent-decodes (RFC 6901's URI fragment
// form). A name holding `%` did not survive the round trip: `Rate%Limit` threw "URI malformed",
// and a path `/files/{id}%2Fraw` was looked up as `/files/{id}/raw`. Here `escapePointer` also
// percent-encodes `%`, so what openapi-typescript decodes is the name again. It must run before
// openapi-typescript is first imported: ES modules read a CommonJS module's exports once.
import { createRequire } from "node:module";

const require = createRequire(createRequire(import.meta.url).resolve("openapi-typescript"));
const refUtils = require("@redocly/openapi-core/lib/ref-utils.js");
const escape = refUtils.escapePointer;
if (!escape.percentEncoded) {
  const escapePointer = (fragment) => (typeof fragment === "number" ? fragment : escape(fragment).replace(/%/g, "%25"));
  escapePointer.percentEncoded = true;
  refUtils.escapePointer = escapePointer;
}
