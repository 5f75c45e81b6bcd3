import { describe, expect, it } from "vitest";
import { lastWriteWins, newerSide } from "../src/sync/index.js";

interface Product {
  id: string;
  name: string;
  price: { amount: number; currency: string };
  stock: number;
  updated_at: string;
  note?: string;
}

const local: Product = { id: "p1", name: "Local name", price: { amount: 999, currency: "EUR" }, stock: 3, updated_at: "2024-06-19T08:00:00Z", note: "shelf B" };
const remote: Product = { id: "p1", name: "Remote name", price: { amount: 1299, currency: "EUR" }, stock: 7, updated_at: "2024-06-19T09:00:00Z" };

describe("lastWriteWins", () => {
  it("takes the newer copy as a whole", () => {
    expect(lastWriteWins(local, remote)).toEqual(remote);
    expect(lastWriteWins({ ...local, updated_at: "2024-06-19T10:00:00Z" }, remote)).toEqual({ ...local, updated_at: "2024-06-19T10:00:00Z" });
  });

  it("keep rules override per field whichever copy is newer (the guide's 'keep local price')", () => {
    expect(lastWriteWins(local, remote, { keep: { price: "local" } })).toEqual({ ...remote, price: local.price });
    const newerLocal = { ...local, updated_at: "2024-06-19T10:00:00Z" };
    expect(lastWriteWins(newerLocal, remote, { keep: { stock: "remote" } })).toEqual({ ...newerLocal, stock: 7 });
    // A function sees both copies and which one is newer.
    const merged = lastWriteWins(local, remote, { keep: { stock: (l, r, newer) => (newer === "remote" ? Math.min(l.stock, r.stock) : l.stock) } });
    expect(merged.stock).toBe(3);
  });

  it("a side without the kept field keeps nothing: the newer copy's value stays", () => {
    const { note: _none, ...localWithoutNote } = local;
    expect(lastWriteWins<Product>(localWithoutNote, { ...remote, note: "from server" }, { keep: { note: "local" } }).note).toBe("from server");
    expect(lastWriteWins(local, remote, { keep: { note: "local" } }).note).toBe("shelf B");
  });

  it("compares instants, not strings: the same moment in two offsets is a tie, and a later offset form can be older", () => {
    const sameInstant = { ...local, updated_at: "2024-06-19T11:00:00+02:00" };
    expect(newerSide(sameInstant, remote)).toBe("remote");
    expect(newerSide(sameInstant, remote, { tie: "local" })).toBe("local");
    // As strings "2024-06-19T10:30:00+02:00" > "2024-06-19T09:00:00Z", yet it is 08:30Z: older.
    expect(newerSide({ ...local, updated_at: "2024-06-19T10:30:00+02:00" }, remote)).toBe("remote");
  });

  it("equal or missing timestamps go to `tie` (remote by default); a copy with a readable time beats one without", () => {
    expect(lastWriteWins(local, { ...remote, updated_at: local.updated_at })).toEqual({ ...remote, updated_at: local.updated_at });
    expect(lastWriteWins(local, { ...remote, updated_at: local.updated_at }, { tie: "local" })).toEqual(local);
    expect(newerSide(local, { ...remote, updated_at: "not a date" })).toBe("local");
    expect(newerSide({ ...local, updated_at: "" }, remote)).toBe("remote");
  });

  it("reads updatedAt (camelCase), epoch numbers and Dates, or a custom accessor", () => {
    expect(newerSide({ updatedAt: 2_000 }, { updatedAt: 1_000 })).toBe("local");
    expect(newerSide({ updatedAt: new Date(1_000) }, { updatedAt: new Date(2_000) })).toBe("remote");
    expect(newerSide({ v: 5 }, { v: 4 }, { updatedAt: (r) => r.v })).toBe("local");
  });

  it("with no local copy, returns the remote one; inputs are never modified", () => {
    const snapshot = structuredClone({ local, remote });
    expect(lastWriteWins(undefined, remote, { keep: { price: "local" } })).toEqual(remote);
    const out = lastWriteWins(local, remote, { keep: { price: "local" } });
    expect(out).not.toBe(remote);
    expect({ local, remote }).toEqual(snapshot);
  });
});
