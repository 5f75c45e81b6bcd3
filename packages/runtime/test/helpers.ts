import { afterAll, beforeAll, beforeEach } from "vitest";
import { sleep, type Clock } from "../src/index.js";
import { FaultServer } from "./fault-server.js";

/** Starts one fault server per test file and resets its state between tests. */
export function useFaultServer(): { readonly server: FaultServer; readonly url: string } {
  const server = new FaultServer();
  beforeAll(async () => {
    await server.start();
  });
  beforeEach(() => server.reset());
  afterAll(() => server.close());
  return {
    server,
    get url() {
      return server.url;
    },
  };
}

/**
 * A clock whose sleeps are recorded and shortened by `scale` (0 = next macrotask), so retry and
 * backoff tests run in milliseconds against real sockets; `advance` moves `now` forward.
 */
export function testClock(scale = 0): Clock & { sleeps: number[]; advance(ms: number): void } {
  let offset = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now() + offset,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return sleep(ms * scale, signal);
    },
    advance(ms) {
      offset += ms;
    },
  };
}
