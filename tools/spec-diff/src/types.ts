import type { IRDocument } from "@specforge/codegen/model";
import type { WalkGuard } from "./schema/walk-guard.js";
import type { Severity } from "./severity.js";

/**
 * Which way data flows, seen from an API consumer: a `request` is produced by the consumer and
 * checked by the API (parameters, request bodies, webhook responses); a `response` is produced
 * by the API and read by the consumer (responses, webhook payloads). A change that makes the API
 * accept less in a request, or send more in a response, breaks consumers.
 */
export type Direction = "request" | "response";

/** Semver bump a change calls for: major = breaking. */
export type Bump = "major" | "minor" | "patch";

export interface Change {
  /** Stable rule id, e.g. `response-property-removed`. */
  rule: string;
  /** breaking, warning or info: the rule's default or the configuration's (see severity.ts). */
  severity: Severity;
  /** `severity === "breaking"`. */
  breaking: boolean;
  /** The release this change calls for: major for breaking changes and renamed generated names. */
  bump: Bump;
  /** `METHOD path (operationId)`, `webhook <name>`, or `(document)`: as the head version names it. */
  operation: string;
  /**
   * The operation as the base version names it, when that differs (a renamed operationId or path
   * parameter): an ignore entry written against either name matches.
   */
  baseOperation?: string;
  /** JSON pointer into the bundled head spec (the base spec for what was removed). */
  pointer: string;
  reason: string;
  /** Accepted by an entry of the ignore file: listed, but no longer failing the gate. */
  ignored?: { entry: number; reason: string; expires?: string };
}

/** What a rule reports: whether it breaks by its direction; severity and bump are decided from it. */
export type Finding = Omit<Change, "operation" | "baseOperation" | "bump" | "severity" | "ignored"> & {
  bump?: Bump;
  /**
   * Other places the change is written, whose raw differences it explains (not reported): the base
   * side of a rename or of a changed media type, a reordered list.
   */
  covers?: string[];
};

/** Where changes of one operation (or of the document) are collected. */
export interface Sink {
  base: IRDocument;
  head: IRDocument;
  /** Named schemas equal in both versions, down to everything they reference. */
  unchanged: Set<string>;
  /** The comparison's recursion guard, shared by every schema walk (see schema/walk-guard.ts). */
  guard: WalkGuard;
  emit(change: Finding): void;
}

/** How adding, removing or (un)requiring a property, parameter or header affects a consumer. */
export type Presence = "removed" | "added-required" | "added-optional" | "became-required" | "became-optional";

/**
 * A consumer that produces data breaks when something it sent is gone or something new is
 * required; a consumer that reads data breaks when something it read is gone or may be missing.
 * (Removing a request field breaks code written against the generated types, too.)
 */
export function presenceBreaks(dir: Direction, p: Presence): boolean {
  if (p === "removed") return true;
  if (dir === "request") return p === "added-required" || p === "became-required";
  return p === "became-optional";
}

/** Narrowing (fewer values valid) breaks requests, widening breaks responses, a change breaks both. */
export type Effect = "narrow" | "widen" | "change";

export function effectBreaks(dir: Direction, e: Effect): boolean {
  return e === "change" || (e === "narrow") === (dir === "request");
}

export const effectWord: Record<Effect, string> = { narrow: "narrowed", widen: "widened", change: "changed" };
