import { describe, expect, it } from "vitest";
import { originOf } from "../src/request.js";

// originOf remembers the last origin it found (a runtime mostly calls one): a URL that only starts
// with the same text must still get its own.
describe("originOf", () => {
  const table: [url: string, origin: string][] = [
    ["https://api.example.com/v1/users", "https://api.example.com"],
    ["https://api.example.com", "https://api.example.com"],
    ["https://api.example.com?x=1", "https://api.example.com"],
    ["https://api.example.com#top", "https://api.example.com"],
    ["https://api.example.com.evil.test/v1", "https://api.example.com.evil.test"],
    ["https://api.example.com:8443/v1", "https://api.example.com:8443"],
    ["https://api.example.com@evil.test/v1", "https://api.example.com@evil.test"],
    ["https://api.example.com/v1/users", "https://api.example.com"],
    ["HTTPS://API.Example.com/v1", "https://api.example.com"],
    ["HTTPS://API.Example.com.evil.test/", "https://api.example.com.evil.test"],
    ["http://127.0.0.1:8080/a", "http://127.0.0.1:8080"],
    ["http://127.0.0.1:80801/a", "http://127.0.0.1:80801"],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
    ["/relative/path", "/relative/path"],
    ["http://127.0.0.1:8080/b", "http://127.0.0.1:8080"],
  ];
  it.each(table)("%s → %s, whatever came before", (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });
  it("gives the same answers in any order", () => {
    for (let round = 0; round < 3; round++) {
      for (const [url, origin] of [...table].sort(() => Math.random() - 0.5)) expect(originOf(url)).toBe(origin);
    }
  });
});
