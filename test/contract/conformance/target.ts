import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** Bad command-line input: the CLI prints the message alone and exits 2. */
export class UsageError extends Error {}

/** The target cannot be talked to at all: one line and exit 2, not one failure per operation. */
export class UnreachableError extends Error {}

/** The --target value as a URL, or a UsageError that repeats it and says what would do. */
export function parseTarget(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--target ${value} is not a URL${value.includes("://") ? "" : `; give the scheme, e.g. http://${value}`}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    // "localhost:5999" parses with the scheme "localhost:": the same mistake as no scheme at all.
    if (!value.includes("://")) throw new UsageError(`--target ${value} has no scheme; give it, e.g. http://${value}`);
    throw new UsageError(`--target ${value}: only http:// and https:// servers can be checked`);
  }
  return url;
}

/** Errors whose cure is trusting a CA, not starting a server. */
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/**
 * One request to the target before Prism starts: any HTTP answer (even a 404) will do, since
 * only whether it can be talked to is in question.
 */
export function checkReachable(url: URL, timeoutMs: number): Promise<void> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: "HEAD", timeout: timeoutMs }, (res) => {
      res.resume();
      resolve();
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: "ETIMEDOUT" })));
    req.on("error", (err: NodeJS.ErrnoException) => {
      const code = err.code ?? err.message;
      const tls = TLS_CODES.test(code)
        ? `: ${err.message}; to trust its certificate, run with NODE_EXTRA_CA_CERTS=<ca.pem> (the PEM of the CA that signed it)`
        : "";
      reject(new UnreachableError(`contract: cannot reach ${url.href.replace(/\/$/, "")} (${code})${tls}`));
    });
    req.end();
  });
}
