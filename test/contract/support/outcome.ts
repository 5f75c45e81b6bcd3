import type { Api, CallOptions } from "@specforge/client";
import type { Invoke } from "../cases/define.js";

export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs a case and keeps a rejection as a value: tests assert on what the client threw. */
export async function settle(invoke: Invoke, api: Api, init: unknown, call: CallOptions = {}): Promise<Outcome> {
  try {
    return { ok: true, value: await invoke(api, init, call) };
  } catch (error) {
    return { ok: false, error };
  }
}
