// Keeps the mock API up when Prism is not: Prism 5 ends its whole process on an uncaught error in
// one request (a path or header parameter style it cannot deserialize, and other cases no test has
// found yet), and every later request is then refused until someone restarts it by hand.
//
// So the configured port belongs to a small front server, and Prism runs behind it on a free
// loopback port. The front passes each request through untouched. When Prism dies while answering,
// the requests it held get a 502 problem naming the request it received last and the error it
// printed, and a new Prism starts; requests that arrive meanwhile wait for it. A Prism that exits
// with no request sent to it (a spec it rejects, a stand-in) ends the mock with its exit code, as
// before.
import { spawn } from "node:child_process";
import { Agent, createServer, request as forward } from "node:http";
import { createServer as createNetServer } from "node:net";

/** Hop-by-hop headers: they describe one connection, not the message, so neither side passes them on. */
const HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);
/** How long a request waits for a restarting Prism before it gets a 503. */
const WAIT_MS = 30_000;
/** Restarts that fail to reach "listening" in a row before the mock gives up. */
const MAX_FAILED_STARTS = 3;

/**
 * Listens on host:port, then starts Prism (`prismBin <prismArgs> -h 127.0.0.1 -p <free>`).
 * `line(stream, text)` gets each line Prism writes, with Prism's own address replaced by the public
 * one; `ready()` is called once, when the first Prism listens; `say(text)` reports restarts.
 * Resolves with `{ url, stop }` once the port is taken; rejects with the listen error (EADDRINUSE).
 * `exit(code)` is called when the mock must end on its own.
 */
export async function superviseMock({ prismBin, prismArgs, host, port, line, ready, say, exit }) {
  const agent = new Agent({ keepAlive: true });
  const front = createServer((req, res) => void pass(req, res));
  await new Promise((resolve, reject) => {
    front.once("error", reject);
    front.listen(Number(port), host, resolve);
  });
  const publicOrigin = `http://${host.includes(":") ? `[${host}]` : host}:${front.address().port}`;
  let current; // { child, port, listening, sent, lastReceived, error, inFlight: Set }
  let waiting = []; // resolvers of requests held while Prism starts
  let stopping = false;
  let restarts = 0;
  let failedStarts = 0;

  async function start() {
    const internal = await freePort();
    const run = { port: internal, listening: false, sent: 0, lastReceived: undefined, error: undefined, inFlight: new Set() };
    // No colours: the lines are matched here, and shown escaped anyway.
    const child = spawn(prismBin, [...prismArgs, "-h", "127.0.0.1", "-p", String(internal)], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
    run.child = child;
    current = run;
    const own = `http://127.0.0.1:${internal}`;
    for (const [name, stream] of [["stdout", child.stdout], ["stderr", child.stderr]]) {
      stream.setEncoding("utf8");
      let pending = "";
      const emit = (text) => {
        const shown = text.split(own).join(publicOrigin);
        const received = /\[HTTP SERVER\] (\S+) (.*?) (?:ℹ|i) +info +Request received/.exec(shown);
        if (received) run.lastReceived = `${received[1].toUpperCase()} ${received[2]}`;
        // The first line of an uncaught error (`TypeError: … is not a function`) says what broke.
        if (name === "stderr" && !run.error && /^\s*[A-Z]\w*Error\b.*:/.test(shown)) run.error = shown.trim();
        line(name, shown);
        if (!run.listening && /Prism is listening/.test(shown)) {
          run.listening = true;
          failedStarts = 0;
          for (const w of waiting.splice(0)) w(run);
          if (restarts === 0) ready(publicOrigin);
          else say(`Prism is back (restart ${restarts})`);
        }
      };
      stream.on("data", (text) => {
        const lines = (pending + text).split("\n");
        pending = lines.pop();
        for (const l of lines) emit(l);
      });
      stream.on("end", () => pending !== "" && emit(pending));
    }
    child.on("error", (err) => {
      say(`cannot start Prism (${prismBin}): ${err.message}`);
      exit(1);
    });
    // "close", not "exit": Prism's last lines (the error it died of) have been read by then.
    child.on("close", (code, signal) => {
      for (const fail of [...run.inFlight]) fail();
      if (stopping || signal === "SIGINT" || signal === "SIGTERM") return exit(0);
      const why = signal ? `signal ${signal}` : `exit code ${code}`;
      if (!run.listening && restarts === 0) return exit(code ?? 1);
      if (run.listening && run.sent === 0) return exit(code ?? 0);
      if (!run.listening && ++failedStarts >= MAX_FAILED_STARTS) {
        say(`Prism did not come back after ${failedStarts} attempts (${why}); stopping the mock`);
        return exit(1);
      }
      restarts++;
      say(run.listening ? `Prism stopped (${why})${run.lastReceived ? ` after receiving ${run.lastReceived}` : ""}${run.error ? `: ${run.error}` : ""}; restarting it` : `Prism did not start (${why}); trying again`);
      setTimeout(() => void start(), run.listening ? 0 : 1000 * failedStarts);
    });
  }

  /** The Prism that listens now, or the next one; undefined after WAIT_MS. */
  function prism() {
    if (current?.listening && current.child.exitCode === null) return Promise.resolve(current);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting = waiting.filter((w) => w !== done);
        resolve(undefined);
      }, WAIT_MS);
      const done = (run) => (clearTimeout(timer), resolve(run));
      waiting.push(done);
    });
  }

  async function pass(req, res) {
    // Raw pairs, as they came: repeated headers stay repeated, and no name is an object key.
    const headers = [];
    let host = false;
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i].toLowerCase();
      host ||= name === "host";
      if (!HOP.has(name)) headers.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
    if (!host) headers.push("Host", "127.0.0.1");
    // Read whole, so that a request Prism never received can be sent again.
    const chunks = [];
    try {
      for await (const chunk of req) chunks.push(chunk);
    } catch {
      return res.destroy();
    }
    const body = Buffer.concat(chunks);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const run = await prism();
      if (!run) break;
      // Refused: Prism reloads a changed spec by restarting its server in the same process (`pnpm
      // dev` saves), so its port is closed for a moment. The request did not reach it: try again.
      if ((await send(run, req, res, headers, body)) !== "refused" || res.destroyed) return;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    problem(res, 503, "The mock server (Prism) is restarting and did not come back in time; try again shortly");
  }

  /** One try at passing a request to Prism; "refused" when it could not connect at all. */
  function send(run, req, res, headers, body) {
    return new Promise((resolve) => {
      run.sent++;
      const out = forward({ host: "127.0.0.1", port: run.port, method: req.method, path: req.url, headers, agent }, (answer) => {
        const back = [];
        for (let i = 0; i < answer.rawHeaders.length; i += 2) if (!HOP.has(answer.rawHeaders[i].toLowerCase())) back.push(answer.rawHeaders[i], answer.rawHeaders[i + 1]);
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, back);
        answer.pipe(res);
        answer.on("end", () => (run.inFlight.delete(fail), resolve("done")));
        answer.on("error", () => (res.destroy(), resolve("done")));
      });
      // Prism died (or dropped the connection) with this request open: a 502 that says what is known.
      const fail = () => {
        run.inFlight.delete(fail);
        out.destroy();
        const dead = run.child.exitCode !== null || run.child.signalCode !== null;
        const detail = dead
          ? `The mock server (Prism) stopped${run.lastReceived ? ` after receiving ${run.lastReceived}` : ""}${run.error ? ` (${run.error})` : ""}; it is restarting. The operation likely uses a construct Prism 5 cannot handle`
          : "The mock server (Prism) closed the connection without an answer";
        if (!res.headersSent) problem(res, 502, detail);
        else res.destroy();
        resolve("done");
      };
      run.inFlight.add(fail);
      out.on("error", (err) => {
        if (err.code === "ECONNREFUSED" && !res.headersSent) {
          run.sent--;
          run.inFlight.delete(fail);
          return resolve("refused");
        }
        // A socket error comes before Prism's exit: the exit handler answers (with the error Prism
        // printed), unless Prism stays up.
        setTimeout(() => run.inFlight.has(fail) && fail(), 2000).unref();
      });
      res.once("close", () => {
        if (!run.inFlight.has(fail)) return;
        run.inFlight.delete(fail);
        if (!res.writableFinished) out.destroy();
        resolve("done");
      });
      out.end(body);
    });
  }

  await start();
  return {
    url: publicOrigin,
    stop() {
      stopping = true;
      front.close();
      front.closeAllConnections?.();
      agent.destroy();
      current?.child.kill("SIGTERM");
      return current && current.child.exitCode === null ? new Promise((r) => current.child.once("close", r)) : Promise.resolve();
    },
  };
}

function problem(res, status, detail) {
  const body = JSON.stringify({ type: "about:blank", title: status === 502 ? "Bad Gateway" : "Service Unavailable", status, detail });
  res.writeHead(status, { "content-type": "application/problem+json", "content-length": Buffer.byteLength(body), "access-control-allow-origin": "*", "retry-after": "1" }).end(body);
}

/** A free TCP port on loopback (the kernel picks it; it is released just before the caller binds it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
