import { startPrism } from "../../support/prism.js";
import { cases } from "../cases/index.js";
import { contractClient, PLACEHOLDER_BEARER } from "../support/client.js";
import { snapshotSpec } from "../support/snapshot.js";
import { specOperations, type SpecOperation } from "../support/spec.js";
import { bodyViolations, uncheckedBody } from "./body-check.js";
import { onCleanup } from "./cleanup.js";
import { acceptedCredentials, missingCredentials } from "./credentials.js";
import { CASE_HEADER, startRecorder, type Recorder } from "./recorder.js";
import { readSpecFile } from "./spec-file.js";
import { statusViolations } from "./status-check.js";
import { checkReachable, parseTarget, UsageError } from "./target.js";
import { violationsOf, type Violation, type Where } from "./violations.js";

type Json = Record<string, any>;

/** The longest --timeout in seconds: setTimeout takes at most 2^31-1 ms. */
export const MAX_TIMEOUT_S = 2_147_483;

export interface ConformanceOptions {
  /** Base URL of the server under test (its paths as in the spec, e.g. http://127.0.0.1:8080/v1). */
  target: string;
  /** The contract: Prism validates against it, and its operations are the ones called. */
  spec: string;
  /** operationIds to call; default every operation of the spec. */
  only?: string[];
  bearer?: string;
  apiKey?: string;
  /** Seconds one exchange with the target may take (default 30). */
  timeout?: number;
}

export interface OperationResult {
  operation: string;
  method: string;
  path: string;
  /** What the target answered (null: never reached it). */
  status: number | null;
  violations: number;
  /** Why it was not called (no contract case, no credentials it accepts); not a violation. */
  skipped?: string;
  /** What was not checked of its answer (a body too large to keep whole); not a violation. */
  unchecked?: string;
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
 * out, and collects everything Prism reports, plus what it does not check (see status-check.ts
 * and body-check.ts) and exchanges that failed. Only valid requests: a real server cannot be
 * told which error to answer, and invalid ones never get past Prism.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const target = parseTarget(options.target);
  const timeoutMs = (options.timeout ?? 30) * 1000;
  // Above this a timer fires at once (setTimeout's limit is 2^31-1 ms).
  if (!(timeoutMs > 0) || timeoutMs > MAX_TIMEOUT_S * 1000) throw new UsageError(`contract: --timeout ${options.timeout} is not a number of seconds above 0 and at most ${MAX_TIMEOUT_S}.`);
  const spec = readSpecFile(options.spec);
  const ops = specOperations(spec);
  const unknown = (options.only ?? []).filter((id) => !ops.some((o) => o.id === id));
  if (unknown.length) throw new UsageError(`contract: unknown operation(s) in --only: ${unknown.join(", ")} (not in ${options.spec})`);
  const selected = options.only?.length ? ops.filter((o) => options.only!.includes(o.id)) : ops;
  await checkReachable(target, timeoutMs);

  const recorder = await startRecorder(target.href, timeoutMs);
  const closeRecorder = onCleanup(() => recorder.close());
  const snapshot = snapshotSpec(options.spec);
  const removeSnapshot = onCleanup(() => snapshot.remove());
  try {
    const prism = await startPrism(snapshot.path, { proxy: recorder.url });
    const stopPrism = onCleanup(() => prism.stop());
    try {
      const given = { ...(options.bearer !== undefined ? { bearer: options.bearer } : {}), ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}) };
      // No credentials at all: the placeholder gets requests past Prism's security check (see the README).
      const sent = Object.keys(given).length ? given : { bearer: PLACEHOLDER_BEARER };
      // The client's own timeout only backs up the recorder's, which names what went wrong. Its
      // response validators are the workspace's: Prism and body-check.ts check against --spec.
      const { api, take } = contractClient(prism.url, { ...sent, timeoutMs: timeoutMs + 10_000, validateResponses: false });
      const results: OperationResult[] = [];
      const violations: Violation[] = [];
      for (const op of selected) {
        const where: Where = { operation: op.id, method: op.method.toUpperCase(), path: op.path, status: null };
        const skipped = !cases[op.id] ? "not called: no contract case (the cases are built from the workspace's spec)" : missingCredentials(acceptedCredentials(spec, op), sent);
        if (skipped) {
          results.push({ ...where, violations: 0, skipped });
          continue;
        }
        const found = await callOne(op, spec, api, take, recorder, where);
        violations.push(...found);
        const answer = recorder.answerOf(op.id);
        const unchecked = answer && !recorder.failureOf(op.id) ? uncheckedBody(answer) : undefined;
        results.push({ ...where, status: answer?.status ?? null, violations: found.length, ...(unchecked ? { unchecked } : {}) });
      }
      return { target: options.target, spec: options.spec, operations: results, violations };
    } finally {
      await stopPrism();
    }
  } finally {
    await removeSnapshot();
    await closeRecorder();
  }
}

/** One operation's exchange and everything wrong with it. */
async function callOne(op: SpecOperation, spec: Json, api: ReturnType<typeof contractClient>["api"], take: () => unknown, recorder: Recorder, base: Where): Promise<Violation[]> {
  const c = cases[op.id]!;
  let error: unknown;
  try {
    await c.invoke(api, c.valid, { headers: { [CASE_HEADER]: op.id } });
  } catch (e) {
    error = e;
  }
  const exchange = takeOrNone(take as () => { headers: Headers; problem?: unknown });
  const answer = recorder.answerOf(op.id);
  const where = { ...base, status: answer?.status ?? null };
  const failure = recorder.failureOf(op.id);
  // A failed exchange says it all: what Prism made of the half answer would only repeat it.
  if (failure) return [{ ...where, severity: "Error", in: "target", pointer: "", code: null, message: failure }];
  if (!exchange) return [{ ...where, severity: "Error", in: "prism", pointer: "", code: null, message: `no response from Prism: ${String(error)}` }];
  const found = violationsOf(where, exchange.headers, exchange.problem);
  if (!answer) return found;
  const all = [...statusViolations(op, where, answer.status, answer.body), ...found, ...bodyViolations(spec, op, where, answer)];
  // The client rejected a success nothing above objected to (it does not validate here): a finding too.
  if (!all.length && error !== undefined && answer.status >= 200 && answer.status < 300) {
    all.push({ ...where, severity: "Error", in: "client", pointer: "", code: (error as Error).name ?? null, message: (error as Error).message ?? String(error) });
  }
  return all;
}

function takeOrNone<T>(take: () => T): T | undefined {
  try {
    return take();
  } catch {
    return undefined;
  }
}
