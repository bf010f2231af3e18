import { afterEach, describe, expect, it } from "vitest";
import { InvalidResponseError } from "../src/index.js";
import { clientFor } from "./support/client.js";
import { group, json, startServer, type TestServer } from "./support/server.js";

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** A server whose pages are given per request token ("" for the first request). */
async function pages(byToken: Record<string, unknown>) {
  s = await startServer((req, res) => {
    const token = new URL(req.url, "http://x").searchParams.get("token") ?? "";
    json(res, 200, byToken[token] ?? { data: [], has_more: false, next_token: null });
  });
  return s;
}

// Pagination that would never end needs a server that breaks the contract, which the fake never
// does; normal paging runs against the fake in test/integration/avatar-groups.test.ts.
describe("avatarGroups.list against a misbehaving server", () => {
  it("stops with InvalidResponseError when the server repeats a token", async () => {
    const heygen = clientFor(
      await pages({
        "": { data: [group("a")], has_more: true, next_token: "t1" },
        t1: { data: [group("b")], has_more: true, next_token: "t2" },
        t2: { data: [group("c")], has_more: true, next_token: "t1" },
      }),
    );
    const ids: string[] = [];
    const walk = async () => {
      for await (const g of heygen.avatarGroups.list()) ids.push(g.id);
    };
    await expect(walk()).rejects.toThrow(InvalidResponseError);
    expect(ids).toEqual(["a", "b"]);
    expect(s!.received).toHaveLength(3);
  });

  it("stops with InvalidResponseError when has_more comes without a next_token", async () => {
    const heygen = clientFor(
      await pages({ "": { data: [group("a")], has_more: true, next_token: null } }),
    );
    await expect(heygen.avatarGroups.list()).rejects.toThrow(/has_more and no next_token/);
    expect(s!.received).toHaveLength(1);
  });

  it("stops when a page repeats the token that fetched it", async () => {
    const heygen = clientFor(
      await pages({
        "": { data: [], has_more: true, next_token: "t" },
        t: { data: [], has_more: true, next_token: "t" },
      }),
    );
    const walk = async () => {
      for await (const _ of heygen.avatarGroups.list()) void _;
    };
    await expect(walk()).rejects.toBeInstanceOf(InvalidResponseError);
    expect(s!.received).toHaveLength(2);
  });

  it("rejects a page without a data array as InvalidResponseError", async () => {
    const heygen = clientFor(await pages({ "": { data: "nope", has_more: false } }));
    await expect(heygen.avatarGroups.list()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
