import { startPrism } from "../../support/prism.js";
import { cases } from "../cases/index.js";
import { contractClient } from "../support/client.js";
import { snapshotSpec } from "../support/snapshot.js";
import { specOperations } from "../support/spec.js";
import { CASE_HEADER, startRecorder } from "./recorder.js";
import { violationsOf, type Violation } from "./violations.js";

export interface ConformanceOptions {
  /** Base URL of the server under test (its paths as in the spec, e.g. http://127.0.0.1:8080/v1). */
  target: string;
  /** The contract Prism validates against. */
  spec: string;
  /** operationIds to call; default every operation of the bundled spec. */
  only?: string[];
  bearer?: string;
  apiKey?: string;
}

export interface OperationResult {
  operation: string;
  method: string;
  path: string;
  /** What the target answered (null: never reached it). */
  status: number | null;
  violations: number;
}

export interface ConformanceReport {
  target: string;
  spec: string;
  operations: OperationResult[];
  violations: Violation[];
}

/**
 * Sends each selected operation's valid contract case through `prism proxy <spec> <target>
 * --errors`, which validates the request on the way in and the target's response on the way
 * out, and collects everything Prism reports. Only valid requests: a real server cannot be
 * told which error to answer, and invalid ones never get past Prism.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const ops = specOperations();
  const unknown = (options.only ?? []).filter((id) => !ops.some((o) => o.id === id));
  if (unknown.length) throw new Error(`Unknown operation(s): ${unknown.join(", ")}`);
  const selected = options.only?.length ? ops.filter((o) => options.only!.includes(o.id)) : ops;

  const recorder = await startRecorder(options.target);
  const snapshot = snapshotSpec(options.spec);
  try {
    const prism = await startPrism(snapshot.path, { proxy: recorder.url });
    try {
      const { api, take } = contractClient(prism.url, {
        ...(options.bearer !== undefined ? { bearer: options.bearer } : {}),
        ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
      });
      const results: OperationResult[] = [];
      const violations: Violation[] = [];
      for (const op of selected) {
        const c = cases[op.id];
        if (!c) throw new Error(`No contract case for ${op.id}`);
        let error: unknown;
        try {
          await c.invoke(api, c.valid, { headers: { [CASE_HEADER]: op.id } });
        } catch (e) {
          error = e;
        }
        const exchange = takeOrNone(take);
        if (!exchange) throw new Error(`${op.id}: no response from Prism (${String(error)})`);
        const status = recorder.statusOf(op.id) ?? null;
        const where = { operation: op.id, method: op.method.toUpperCase(), path: op.path, status };
        const found = violationsOf(where, exchange.headers, exchange.problem);
        const failure = recorder.failureOf(op.id);
        if (failure) found.push({ ...where, severity: "Error", in: "target", pointer: "", code: null, message: `unreachable: ${failure}` });
        violations.push(...found);
        results.push({ ...where, violations: found.length });
      }
      return { target: options.target, spec: options.spec, operations: results, violations };
    } finally {
      await prism.stop();
    }
  } finally {
    snapshot.remove();
    await recorder.close();
  }
}

function takeOrNone<T>(take: () => T): T | undefined {
  try {
    return take();
  } catch {
    return undefined;
  }
}
