import { createDecipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError, encryptedStore } from "../src/auth/encrypted-store.js";
import { base64Decode, base64Encode, randomBytes } from "../src/encoding.js";
import { TokenManager, type TokenSet } from "../src/index.js";

const key = base64Encode(randomBytes(32));
const tokens: TokenSet = { accessToken: "at_5f0c9e2a7b1d4e8f", refreshToken: "rt_9e3a7c1b5d2f4a6c", expiresAt: 1_800_000_000_000, tokenType: "Bearer" };

describe("encryptedStore (tokens encrypted at rest)", () => {
  it("round-trips a token set; the backing store holds neither token, in any encoding", async () => {
    const backing = new Map<string, string>();
    const vault = encryptedStore(backing, { key });
    await vault.save("user-1", tokens);
    expect(await vault.load("user-1")).toEqual(tokens);
    const stored = backing.get("user-1")!;
    expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    const ciphertext = new TextDecoder("latin1").decode(base64Decode(stored.split(".")[2]!));
    for (const secret of [tokens.accessToken, tokens.refreshToken!]) {
      expect(stored).not.toContain(secret);
      expect(ciphertext).not.toContain(secret);
    }
    expect(await vault.load("nobody")).toBeUndefined();
    await vault.delete("user-1");
    expect(backing.has("user-1")).toBe(false);
  });

  it("is plain AES-GCM: Node's own decipher opens a value with the key, the IV, the tag and the store key as AAD", async () => {
    const backing = new Map<string, string>();
    await encryptedStore(backing, { key }).save("user-1", tokens);
    const [, iv, data] = backing.get("user-1")!.split(".");
    const bytes = base64Decode(data!);
    const decipher = createDecipheriv("aes-256-gcm", base64Decode(key), base64Decode(iv!));
    decipher.setAAD(new TextEncoder().encode("v1:user-1"));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
    expect(JSON.parse(plain)).toEqual(tokens);
  });

  it("every save draws a fresh IV: the same value saved twice is stored as two different ciphertexts", async () => {
    const backing = new Map<string, string>();
    const vault = encryptedStore(backing, { key });
    await vault.save("a", tokens);
    const first = backing.get("a");
    await vault.save("a", tokens);
    expect(backing.get("a")).not.toBe(first);
    expect(first!.split(".")[1]).not.toBe(backing.get("a")!.split(".")[1]);
  });

  it("a changed character, a value moved to another key, a wrong key or junk fails with DecryptionError, never with other data", async () => {
    const backing = new Map<string, string>();
    const vault = encryptedStore(backing, { key });
    await vault.save("alice", tokens);
    await vault.save("bob", { ...tokens, accessToken: "at_bob" });
    const alice = backing.get("alice")!;

    const flipped = alice.slice(0, -3) + (alice.at(-3) === "A" ? "B" : "A") + alice.slice(-2);
    backing.set("alice", flipped);
    await expect(vault.load("alice")).rejects.toBeInstanceOf(DecryptionError);

    // Bob's row holding Alice's ciphertext (a swapped row) does not open as Alice's tokens.
    backing.set("bob", alice);
    await expect(vault.load("bob")).rejects.toMatchObject({ name: "DecryptionError", key: "bob" });

    backing.set("alice", alice);
    await expect(encryptedStore(backing, { key: base64Encode(randomBytes(32)) }).load("alice")).rejects.toBeInstanceOf(DecryptionError);
    for (const junk of ["", "plain text", "v1.abc", "v2.AAAA.BBBB", "v1.!!.??", `${alice}.extra`]) {
      backing.set("junk", junk);
      await expect(vault.load("junk"), junk).rejects.toBeInstanceOf(DecryptionError);
    }
    expect(await vault.load("alice")).toEqual(tokens);
  });

  it("previousKeys: values saved before a rotation stay readable, and the next save moves them to the new key", async () => {
    const backing = new Map<string, string>();
    const oldKey = base64Encode(randomBytes(32));
    await encryptedStore(backing, { key: oldKey }).save("user-1", tokens);

    const rotated = encryptedStore(backing, { key, previousKeys: [oldKey] });
    expect(await rotated.load("user-1")).toEqual(tokens);
    await rotated.save("user-1", { ...tokens, accessToken: "at_new" });
    expect(await encryptedStore(backing, { key }).load("user-1")).toMatchObject({ accessToken: "at_new" });
    await expect(encryptedStore(backing, { key: oldKey }).load("user-1")).rejects.toBeInstanceOf(DecryptionError);
  });

  it("accepts a CryptoKey, raw bytes or base64url text, and rejects a key of the wrong size or kind at creation", async () => {
    const raw = randomBytes(16);
    const cryptoKey = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    const backing = new Map<string, string>();
    await encryptedStore(backing, { key: cryptoKey }).save("k", tokens);
    expect(await encryptedStore(backing, { key: raw }).load("k")).toEqual(tokens);
    const b64url = base64Encode(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(await encryptedStore(backing, { key: b64url }).load("k")).toEqual(tokens);

    expect(() => encryptedStore(backing, { key: base64Encode(randomBytes(20)) })).toThrow(/16, 24 or 32 bytes, not 20/);
    expect(() => encryptedStore(backing, { key: "correct horse battery staple" })).toThrow(TypeError);
    const hmac = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    expect(() => encryptedStore(backing, { key, previousKeys: [hmac] })).toThrow(/HMAC, not AES-GCM/);
  });

  it("writes of one key land in call order, and a load waits for them", async () => {
    // A store whose first write is slow: unordered, it would land last and bring back the oldest tokens.
    const backing = new Map<string, string>();
    let writes = 0;
    const slowFirst = {
      get: (k: string) => backing.get(k),
      set: async (k: string, v: string) => {
        if (writes++ === 0) await new Promise((r) => setTimeout(r, 30));
        backing.set(k, v);
      },
      delete: (k: string) => backing.delete(k),
    };
    const vault = encryptedStore<TokenSet>(slowFirst, { key });
    const saves = Array.from({ length: 20 }, (_, i) => vault.save("user-1", { ...tokens, accessToken: `at_${i}` }));
    expect(await vault.load("user-1")).toMatchObject({ accessToken: "at_19" });
    await Promise.all(saves);
    expect(await encryptedStore(backing, { key }).load("user-1")).toMatchObject({ accessToken: "at_19" });
    void vault.save("user-1", tokens);
    void vault.delete("user-1");
    expect(await vault.load("user-1")).toBeUndefined();
  });

  it("with a TokenManager: onTokens keeps every refresh encrypted, a restart resumes the session, a failed refresh deletes it", async () => {
    const backing = new Map<string, string>();
    const vault = encryptedStore<TokenSet>(backing, { key });
    let now = 1_000_000;
    let n = 0;
    const writes: Promise<void>[] = [];
    const manager = (restored?: TokenSet, refresh = async () => ({ access_token: `at_${++n}`, refresh_token: `rt_${n}`, expires_in: 900 })) =>
      new TokenManager({
        tokens: restored,
        refresh,
        now: () => now,
        onTokens: (t) => void writes.push(t ? vault.save("user-1", t) : vault.delete("user-1")),
      });

    const first = manager();
    first.setTokens({ access_token: "at_login", refresh_token: "rt_login", expires_in: 900 });
    now += 900_000; // expired: the next request refreshes
    expect(await first.getAccessToken()).toBe("at_1");
    await Promise.all(writes);
    expect([...backing.values()].join()).not.toContain("rt_1");

    // A new process: the session continues from the store, with the rotated refresh token.
    const restored = await vault.load("user-1");
    expect(restored).toMatchObject({ accessToken: "at_1", refreshToken: "rt_1", expiresAt: now + 900_000 });
    const second = manager(restored, async () => {
      throw new Error("refresh token revoked");
    });
    expect(await second.getAccessToken()).toBe("at_1");
    now += 900_000;
    await expect(second.getAccessToken()).rejects.toMatchObject({ name: "SessionExpiredError" });
    await Promise.all(writes);
    expect(await vault.load("user-1")).toBeUndefined();
  });
});
