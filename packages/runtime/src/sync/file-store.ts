import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { CheckpointStore } from "./checkpoint-store.js";

let tempCounter = 0;

/**
 * Checkpoints in one JSON file (`{ "<key>": <checkpoint> }`), for a sync that must resume after a
 * restart. Every save writes a temporary file beside it, fsyncs it and renames it over the old one,
 * so a crash leaves either the previous file or the new one, never a torn one. Saves from one
 * instance are serialised; several processes sharing one file would overwrite each other's keys,
 * so give each process its own file, or use a shared store.
 *
 * Node only: it lives in `@specforge/runtime/sync/file`, apart from the browser-safe entry points.
 */
export class FileCheckpointStore<C = string> implements CheckpointStore<C> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  async load(key: string): Promise<C | undefined> {
    return (await this.read())[key] as C | undefined;
  }

  save(key: string, checkpoint: C): Promise<void> {
    const run = this.queue.then(async () => {
      const all = await this.read();
      all[key] = checkpoint;
      await this.write(JSON.stringify(all, null, 2) + "\n");
    });
    // A failed save must not block the next one; its own caller still gets the rejection.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw err;
    }
    // A file we cannot read is an error, not "no checkpoint": silently starting over would hide it.
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new TypeError(`${this.path}: not a checkpoint file (expected a JSON object)`);
    }
    return parsed as Record<string, unknown>;
  }

  private async write(text: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.${++tempCounter}.tmp`;
    try {
      const file = await open(temp, "w");
      try {
        await file.writeFile(text, "utf8");
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, this.path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    await syncDirectory(dirname(this.path));
  }
}

/** Makes the rename itself durable (POSIX); Windows cannot open a directory, and needs no such step. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // Best effort: the file is already in place, only a power cut could still undo the rename.
  } finally {
    await handle?.close();
  }
}

