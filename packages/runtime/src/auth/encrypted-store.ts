/**
 * Tokens encrypted at rest (`@specforge/runtime/encrypted-store`): a wrapper that puts AES-GCM
 * (Web Crypto, so browsers, workers and Node alike) between your code and any string key-value
 * store. Its own entry keeps the main entry's size budget.
 */
import { base64Decode, base64UrlEncode, randomBytes, utf8 } from "../encoding.js";
import type { MaybePromise } from "./bearer.js";
import type { TokenSet } from "./token-manager.js";

/** Where the ciphertext lives: any string key-value store. A `Map` fits; so does a thin wrapper over a table, Redis or localStorage. */
export interface StringStore {
  get(key: string): MaybePromise<string | null | undefined>;
  set(key: string, value: string): MaybePromise<unknown>;
  delete(key: string): MaybePromise<unknown>;
}

/** An AES key: a `CryptoKey` for AES-GCM, or 16, 24 or 32 raw bytes as a `Uint8Array` or base64/base64url text. */
export type EncryptionKey = CryptoKey | Uint8Array | string;

export interface EncryptedStoreOptions {
  /** Encrypts every save and is tried first on every load, e.g. `openssl rand -base64 32` kept in a secret manager. Required. */
  key: EncryptionKey;
  /** Keys of before a rotation: tried after `key` on load, never used to save, so each value moves to `key` on its next save. Default: none. */
  previousKeys?: EncryptionKey[];
}

/** JSON values kept encrypted in a `StringStore`, by key. */
export interface EncryptedStore<T> {
  /** The value saved under `key`, or undefined if there is none; rejects with `DecryptionError` if no key opens it. */
  load(key: string): Promise<T | undefined>;
  /** Encrypts `value` (as JSON) with a fresh random IV and stores it under `key`. */
  save(key: string, value: T): Promise<void>;
  /** Removes the value of `key` (logout, a failed refresh). */
  delete(key: string): Promise<void>;
}

/** A stored value that no configured key opens: a wrong or retired key, an altered value, or one moved from another key. */
export class DecryptionError extends Error {
  override readonly name = "DecryptionError";
  constructor(
    /** The store key whose value could not be read. */
    readonly key: string,
  ) {
    super(`Cannot decrypt the value of "${key}": wrong key, or the value was altered or moved`);
  }
}

const VERSION = "v1";

function importKey(input: EncryptionKey): Promise<CryptoKey> {
  if (typeof input === "object" && !(input instanceof Uint8Array)) {
    if (input.algorithm.name !== "AES-GCM") throw new TypeError(`encryptedStore: the CryptoKey is for ${input.algorithm.name}, not AES-GCM`);
    return Promise.resolve(input);
  }
  let bytes: Uint8Array;
  try {
    bytes = typeof input === "string" ? base64Decode(input.trim()) : input;
  } catch {
    throw new TypeError("encryptedStore: a key given as text must be base64 or base64url");
  }
  if (![16, 24, 32].includes(bytes.length)) throw new TypeError(`encryptedStore: an AES key has 16, 24 or 32 bytes, not ${bytes.length}`);
  return globalThis.crypto.subtle.importKey("raw", new Uint8Array(bytes), "AES-GCM", false, ["encrypt", "decrypt"]);
}

/**
 * Wraps `store` so every value is AES-GCM encrypted before it is written: `v1.<iv>.<ciphertext>`
 * (base64url; a random 96-bit IV per save, the 128-bit tag at the end of the ciphertext). The
 * store key is authenticated with the value, so a value copied to another key does not open.
 * Keys given as bytes or text are checked at once (a `TypeError` names the problem).
 *
 * ```ts
 * const vault = encryptedStore<TokenSet>(tokenTable, { key: process.env.TOKEN_KEY! });
 * const session = new TokenManager({
 *   tokens: await vault.load(userId),
 *   refresh,
 *   onTokens: (t) => void (t ? vault.save(userId, t) : vault.delete(userId)).catch(log),
 * });
 * ```
 */
export function encryptedStore<T = TokenSet>(store: StringStore, options: EncryptedStoreOptions): EncryptedStore<T> {
  const keys = [options.key, ...(options.previousKeys ?? [])].map(importKey);
  // Checked at creation; a rejection is handled here and surfaces again on first use.
  for (const k of keys) k.catch(() => undefined);
  const aad = (key: string) => ({ additionalData: utf8(`${VERSION}:${key}`) });
  // Writes of one key land in call order (encryption is async): a refresh's save cannot be overtaken by the one before it.
  const pending = new Map<string, Promise<void>>();
  const inOrder = (key: string, write: () => Promise<void>): Promise<void> => {
    const run = (pending.get(key) ?? Promise.resolve()).catch(() => undefined).then(write);
    pending.set(key, run);
    const done = () => void (pending.get(key) === run && pending.delete(key));
    run.then(done, done);
    return run;
  };

  return {
    async load(key) {
      // Reads this process's own writes: waits for a save or delete of the key still under way.
      await pending.get(key)?.catch(() => undefined);
      const stored = await store.get(key);
      if (stored === undefined || stored === null) return undefined;
      const [version, iv, data, extra] = stored.split(".");
      if (version === VERSION && iv && data && extra === undefined) {
        let ivBytes: Uint8Array<ArrayBuffer>, dataBytes: Uint8Array<ArrayBuffer>;
        try {
          ivBytes = base64Decode(iv);
          dataBytes = base64Decode(data);
        } catch {
          throw new DecryptionError(key);
        }
        for (const k of keys) {
          try {
            const plain = await globalThis.crypto.subtle.decrypt({ name: "AES-GCM", iv: ivBytes, ...aad(key) }, await k, dataBytes);
            return JSON.parse(new TextDecoder().decode(plain)) as T;
          } catch {
            // Not this key (or not intact): try the next one.
          }
        }
      }
      throw new DecryptionError(key);
    },

    async save(key, value) {
      const plain = utf8(JSON.stringify(value));
      return inOrder(key, async () => {
        const iv = randomBytes(12);
        const data = await globalThis.crypto.subtle.encrypt({ name: "AES-GCM", iv, ...aad(key) }, await keys[0]!, plain);
        await store.set(key, `${VERSION}.${base64UrlEncode(iv)}.${base64UrlEncode(new Uint8Array(data))}`);
      });
    },

    async delete(key) {
      return inOrder(key, async () => {
        await store.delete(key);
      });
    },
  };
}
