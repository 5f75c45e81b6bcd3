// CommonJS entry: Node >= 20.19 (and >= 22.12) require()s the ES module itself, so CJS and ESM
// consumers share one instance (one set of error classes, one cache).
module.exports = require("../dist/auth/encrypted-store.js");
