/**
 * Incremental sync (`@specforge/runtime/sync`): the checkpointed change-feed loop, checkpoint
 * stores and last-write-wins conflict resolution. Browser-safe; the file store is Node-only and
 * lives in `@specforge/runtime/sync/file`. A subpath of its own keeps the main entry's size budget.
 */
export { sync, cursorPage, type ChangePage, type SyncOptions, type SyncResult } from "./sync-feed.js";
export { MemoryCheckpointStore, type CheckpointStore } from "./checkpoint-store.js";
export { lastWriteWins, newerSide, type FieldRule, type LastWriteWinsOptions, type Side, type Timestamp } from "./conflict.js";
