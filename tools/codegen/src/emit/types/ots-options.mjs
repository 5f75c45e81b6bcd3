// openapi-typescript's options, one copy for every runner (generate's ots-job, the dev loop's worker).
export const OTS_OPTIONS = {
  silent: true,
  alphabetize: false,
  // A default does not make a property present: requests may omit it, and JSON Schema does not
  // promise a response includes it (this also matches the zod module's inferred types).
  defaultNonNullable: false,
};
