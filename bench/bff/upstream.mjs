// The "API" of the BFF bench: a minimal node:http server answering the two benched operations
// with fixed spec-valid bodies, so the numbers measure the proxy, not the upstream.
// Usage (spawned by run.ts): node upstream.mjs <listBodyJson> <createdBodyJson>; prints its port.
import { createServer } from "node:http";

const [listBody, createdBody] = process.argv.slice(2);
const headers = (body) => ({
  "content-type": "application/json",
  "content-length": Buffer.byteLength(body),
  "x-request-id": "req_bench0001",
  "x-ratelimit-limit": "100000",
  "x-ratelimit-remaining": "99999",
  "x-ratelimit-reset": "1900000000",
});
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.method === "POST") {
      res.writeHead(201, headers(createdBody));
      res.end(createdBody);
    } else {
      res.writeHead(200, headers(listBody));
      res.end(listBody);
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
