import { describe, expect, it } from "vitest";
import { cases } from "./cases/index.js";
import { contractClient } from "./support/client.js";
import { settle } from "./support/outcome.js";
import { prismUrl } from "./support/prism-url.js";
import { specOperations, typedHeaders } from "./support/spec.js";
import { expectValid } from "./support/validate.js";
import { mediaType, zodOperation } from "./support/zod-operation.js";

const { api, take } = contractClient(prismUrl());

describe("every operation answers its documented success through the generated client", () => {
  for (const op of specOperations()) {
    it(`${op.id}: ${op.method.toUpperCase()} ${op.path} → ${op.success}`, async () => {
      // The Platform API documents a 2xx for every operation (the coverage test keeps it so).
      if (op.success === undefined) throw new Error(`${op.id} documents no 2xx response`);
      const success = op.success;
      const c = cases[op.id];
      if (!c) throw new Error(`No contract case for ${op.id}`);
      const outcome = await settle(c.invoke, api, c.valid);
      if (!outcome.ok) throw outcome.error;
      const { status, headers } = take();
      expect(status).toBe(Number(success));

      const zop = zodOperation(op.id);
      expectValid(zop.responseHeaders?.[success], typedHeaders(op.id, success, headers), `${op.id} ${success} headers`);

      const media = mediaType(headers);
      const declared = zop.responses[success] ?? {};
      if (Object.keys(declared).length === 0) {
        expect(outcome.value).toBeUndefined();
        return;
      }
      expect(Object.keys(declared)).toContain(media);
      if (c.stream) {
        const events = outcome.value as { event: string; data: unknown }[];
        expect(events.length).toBeGreaterThan(0);
        for (const [i, e] of events.entries()) expectValid(zop.events?.[success]?.[media!], e.data, `${op.id} event ${i} (${e.event})`);
        return;
      }
      expectValid(declared[media!], outcome.value, `${op.id} ${success} body`);
    });
  }
});
