/**
 * `--registry https://user:s3cret@host/` put the credentials in the new project's .npmrc, which
 * the scaffold commits; a query or fragment was mangled (`…?x=1/`). Want: such URLs refused in one
 * line saying where tokens go, http(s) only, the trailing `/` added to the path alone.
 */
import { describe, expect, it } from "vitest";
import { npmrc } from "../src/registry.mjs";

const fail = (m: string): never => {
  throw new Error(m);
};
const line = (url: string) => /^@specforge:registry=(.*)$/m.exec(npmrc(url, fail))?.[1];

describe("--registry", () => {
  it("refuses credentials, a query or a fragment, saying where a token goes", () => {
    for (const url of ["https://user:s3cret@npm.example.com/repo", "https://user@npm.example.com/", "https://:tok@npm.example.com/", "https://npm.example.com/npm-local?x=1", "https://npm.example.com/npm-local#frag"]) {
      let message = "";
      try {
        npmrc(url, fail);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message, url).toMatch(/~\/\.npmrc as \/\/npm\.example\.com\/\S*:_authToken=/);
      expect(message, url).not.toMatch(/s3cret|tok@/);
      expect(message.split("\n")).toHaveLength(1);
    }
  });

  it("requires http(s)", () => {
    expect(() => npmrc("ftp://npm.example.com/", fail)).toThrow(/http\(s\)/);
    expect(() => npmrc("file:///tmp/x", fail)).toThrow(/http\(s\)/);
  });

  it("adds the trailing / to the path only", () => {
    expect(line("https://npm.example.com/npm-local")).toBe("https://npm.example.com/npm-local/");
    expect(line("http://127.0.0.1:4873")).toBe("http://127.0.0.1:4873/");
    expect(line("https://npm.example.com/repo/")).toBe("https://npm.example.com/repo/");
  });
});
