import type { IRSchema } from "@specforge/codegen/model";
import type { Finding } from "../types.js";

/** A set of (base, head) schema pairs, by identity (each IR schema is one place in its document). */
export class PairSet {
  private readonly byBase = new Map<IRSchema, Set<IRSchema>>();

  /** Adds the pair; false when it was there already. */
  add(b: IRSchema, h: IRSchema): boolean {
    let set = this.byBase.get(b);
    if (!set) this.byBase.set(b, (set = new Set()));
    if (set.has(h)) return false;
    set.add(h);
    return true;
  }
}

type Emitted = Finding;
/** A change a walk reported, its reason without the `where` the walk started at. */
type Entry = Omit<Emitted, "reason"> & { suffix: string };

interface Frame {
  key: string;
  /** Which walk the frame records (a change reaches each walk's sink in that walk's terms). */
  owner: object;
  where: string;
  depth: number;
  entries: Entry[];
  /** Cut short by a pair outside it (recursion), or missing changes reported earlier: not reusable. */
  partial: boolean;
  /** The enclosing frame's low-water mark, restored when this one closes. */
  outerLow: number;
}

/**
 * The state every schema walk of one comparison shares: the reporting walks of each operation, the
 * counting walks that pair union branches, `not` schemas and renamed properties, and the reversed
 * walks inside a `not`.
 *
 * - **Recursion guard.** A pair already on the stack, in the same mode (direction, negation), is
 *   taken as equal: the outermost visit compares it, so a walk through `$ref` cycles and unions ends
 *   whichever walk re-enters it. (Each walk keeping its own "seen" map is how a union inside a
 *   recursive schema recursed until the stack overflowed.)
 * - **Memo.** What comparing two named schemas reports does not depend on the operation, only on
 *   the names and the mode, so it is recorded once and replayed wherever the pair comes back, with
 *   that place's `where`. A walk cut short by recursion above it is not recorded (its result
 *   depends on where it started). Large specs share big schemas between hundreds of operations and
 *   webhooks: walking them once is most of the speed on a 13 MB spec.
 */
export class WalkGuard {
  /** The pairs being compared, outermost first (a stack: deep schemas are tens of levels, not thousands). */
  private readonly stack: { mode: string; b: IRSchema; h: IRSchema }[] = [];
  private readonly counts = new Map<string, Map<IRSchema, Map<IRSchema, number>>>();
  private readonly memo = new Map<string, Entry[]>();
  private readonly frames: Frame[] = [];
  private depth = 0;
  /** The lowest stack depth a walk was cut at since the innermost frame opened. */
  private low = Infinity;

  /** Enters (b, h) in `mode`; false when it is already on the stack (recursion: the caller stops). */
  enter(mode: string, b: IRSchema, h: IRSchema): boolean {
    const stack = this.stack;
    for (let i = stack.length - 1; i >= 0; i--) {
      const f = stack[i]!;
      if (f.b === b && f.h === h && f.mode === mode) {
        this.cut(i + 1);
        return false;
      }
    }
    stack.push({ mode, b, h });
    this.depth = stack.length;
    return true;
  }

  leave(): void {
    this.stack.pop();
    this.depth = this.stack.length;
  }

  /** A walk stopped at a pair opened at `depth` (or -1: at one reported earlier, not recorded). */
  cut(depth: number): void {
    this.low = Math.min(this.low, depth);
  }

  /** The recorded changes of a named pair, if any. */
  recorded(key: string): Entry[] | undefined {
    return this.memo.get(key);
  }

  /** Starts recording what `owner` reports from here on, for `key`. */
  open(key: string, owner: object, where: string): Frame {
    const frame: Frame = { key, owner, where, depth: this.depth, entries: [], partial: false, outerLow: this.low };
    this.frames.push(frame);
    this.low = Infinity;
    return frame;
  }

  /** Ends a recording: kept when nothing outside the frame cut it short. */
  close(frame: Frame): void {
    this.frames.pop();
    if (!frame.partial && this.low >= frame.depth) this.memo.set(frame.key, frame.entries);
    this.low = Math.min(frame.outerLow, this.low);
  }

  /** A change `owner` reported: recorded into that walk's open frames. */
  record(owner: object, c: Emitted): void {
    for (const f of this.frames) {
      if (f.owner !== owner || f.partial) continue;
      if (!c.reason.startsWith(f.where)) f.partial = true;
      else {
        const { reason, ...rest } = c;
        f.entries.push({ ...rest, suffix: reason.slice(f.where.length) });
      }
    }
  }

  count(mode: string, b: IRSchema, h: IRSchema): number | undefined {
    return this.counts.get(mode)?.get(b)?.get(h);
  }

  remember(mode: string, b: IRSchema, h: IRSchema, n: number): void {
    let byB = this.counts.get(mode);
    if (!byB) this.counts.set(mode, (byB = new Map()));
    let byH = byB.get(b);
    if (!byH) byB.set(b, (byH = new Map()));
    byH.set(h, n);
  }
}

/** The changes of `entries` as reported at `where`. */
export function replayed(entries: Entry[], where: string): Emitted[] {
  return entries.map(({ suffix, ...rest }) => ({ ...rest, reason: where + suffix }));
}
