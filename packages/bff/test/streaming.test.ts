import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApi } from "@specforge/client";
import { ChatStreamEventSchema } from "@specforge/zod";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startBff, USER_ID } from "./helpers.js";

const BEARER = "svc_token_for_streaming_0a1b";

describe("event streams pass through", () => {
  it("the generated client's typed SSE iterator works through the BFF (Prism upstream, bearer-only operation)", async () => {
    const bff = await startBff({ upstream: { url: inject("prismUrl"), auth: { bearer: BEARER } }, operations: ["streamCoachingChat"] });
    const api = createApi({ baseUrl: bff.api, headers: { "X-Client-ID": "web" } });
    const events = [];
    for await (const e of api.coaching.streamChat({ params: { path: { id: USER_ID } } })) events.push(e);
    // The spec's ChatStreamEvent describes a whole event: `event`, JSON `data` and `id`.
    for (const e of events) expect(ChatStreamEventSchema.safeParse(e).success).toBe(true);
    expect(events.map((e) => [e.id, e.event])).toEqual([
      ["41", "delta"],
      ["42", "delta"],
      ["43", "done"],
    ]);
  });

  it("chunks are forwarded as they arrive, not buffered until the end", async () => {
    // The upstream sends one event, then waits until the browser side has received it.
    let delivered!: () => void;
    const firstSeen = new Promise<void>((r) => (delivered = r));
    const upstream = createServer((req, res) => {
      expect(req.headers["authorization"]).toBe(`Bearer ${BEARER}`);
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.write('id: 1\nevent: delta\ndata: {"delta":"Hel"}\n\n');
      void firstSeen.then(() => res.end('id: 2\nevent: done\ndata: {"message_id":"00000000-0000-4000-8000-000000000000"}\n\n'));
    });
    await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
    afterAll(() => new Promise<void>((r) => upstream.close(() => r())));
    const bff = await startBff({
      upstream: { url: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, auth: { bearer: BEARER } },
      operations: ["streamCoachingChat"],
    });
    const res = await fetch(`${bff.api}/coaching/sessions/${USER_ID}/chat/stream`, { headers: { "x-client-id": "web", accept: "text/event-stream" } });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const first = await reader.read();
    expect(first.value).toBe('id: 1\nevent: delta\ndata: {"delta":"Hel"}\n\n');
    delivered();
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += r.value;
    expect(rest).toContain("event: done");
  });
});
