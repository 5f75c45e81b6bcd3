export type Side = "local" | "remote";

/** A record's last-write time: an RFC 3339 string, epoch milliseconds or a Date. */
export type Timestamp = string | number | Date;

/**
 * What a field takes when local and remote copies differ: always the local or the remote value,
 * the newer record's ("newer", the default), or a function of both (e.g. the larger stock).
 */
export type FieldRule<T, K extends keyof T> = Side | "newer" | ((local: T, remote: T, newer: Side) => T[K]);

export interface LastWriteWinsOptions<T> {
  /** A record's last-write time. Default: its `updated_at` or `updatedAt`. */
  updatedAt?: (record: T) => Timestamp | null | undefined;
  /** Per-field rules over the newer record, e.g. `{ price: "local" }` keeps the local price. */
  keep?: { [K in keyof T]?: FieldRule<T, K> };
  /** Which side wins when neither is newer (equal or missing times). Default: "remote", the server's copy. */
  tie?: Side;
}

function time(value: Timestamp | null | undefined): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  return typeof value === "string" ? Date.parse(value) : NaN;
}

function defaultUpdatedAt(record: unknown): Timestamp | undefined {
  const r = record as { updated_at?: Timestamp; updatedAt?: Timestamp };
  return r.updated_at ?? r.updatedAt;
}

/**
 * Which copy was written last. Times are compared as instants (`…Z` and `+02:00` forms of one
 * instant are equal), so a string comparison's mistakes cannot happen; a copy without a readable
 * time loses to one with a time, and equal or missing times go to `tie`.
 */
export function newerSide<T>(local: T, remote: T, options: LastWriteWinsOptions<T> = {}): Side {
  const updatedAt = options.updatedAt ?? defaultUpdatedAt;
  const l = time(updatedAt(local));
  const r = time(updatedAt(remote));
  if (l > r || (Number.isNaN(r) && !Number.isNaN(l))) return "local";
  if (r > l || (Number.isNaN(l) && !Number.isNaN(r))) return "remote";
  return options.tie ?? "remote";
}

/**
 * The integration guide's last-write-wins, made exact: the newer copy as a whole, then each `keep`
 * rule for its field. With no local copy the remote one is taken as is (rules need both sides).
 * Returns a new object; neither input is modified.
 */
export function lastWriteWins<T extends object>(local: T | null | undefined, remote: T, options: LastWriteWinsOptions<T> = {}): T {
  if (local == null) return { ...remote };
  const newer = newerSide(local, remote, options);
  const out = { ...(newer === "local" ? local : remote) };
  for (const field of Object.keys(options.keep ?? {}) as (keyof T)[]) {
    const rule = options.keep![field]!;
    if (typeof rule === "function") out[field] = rule(local, remote, newer);
    else if (rule === "local" || rule === "remote") {
      const source = rule === "local" ? local : remote;
      // A side that lacks the field has nothing to keep: the newer copy's value stays.
      if (field in source) out[field] = source[field];
    }
  }
  return out;
}
