/**
 * Where a sync keeps its position in a change feed. Two methods, keyed, so one store serves many
 * feeds and a shared store (a database row, Redis) implements it in a few lines: `save` must be
 * durable before it resolves, as `sync` treats a resolved save as the commit point.
 */
export interface CheckpointStore<C = string> {
  /** The last saved checkpoint of `key`, or undefined before the first sync. */
  load(key: string): Promise<C | undefined>;
  /** Replaces the checkpoint of `key`; resolves once it would survive a crash. */
  save(key: string, checkpoint: C): Promise<void>;
}

/**
 * In-process store (tests, or a sync that may start from scratch after a restart). Stores copies,
 * so a caller mutating its object cannot move a committed checkpoint.
 */
export class MemoryCheckpointStore<C = string> implements CheckpointStore<C> {
  private readonly values = new Map<string, C>();

  async load(key: string): Promise<C | undefined> {
    const value = this.values.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  async save(key: string, checkpoint: C): Promise<void> {
    this.values.set(key, structuredClone(checkpoint));
  }
}
