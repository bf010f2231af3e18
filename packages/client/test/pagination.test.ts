import { afterEach, describe, expect, it } from "vitest";
import { HeyGenValidationError, InvalidResponseError } from "../src/index.js";
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

const three = {
  "": { data: [group("a"), group("b")], has_more: true, next_token: "t1" },
  t1: { data: [group("c")], has_more: true, next_token: "t2" },
  t2: { data: [group("d")], has_more: false, next_token: null },
};

describe("avatarGroups.list", () => {
  it("awaits as one page with the API's fields, and walks on with nextPage()", async () => {
    const heygen = clientFor(await pages(three));
    const page = await heygen.avatarGroups.list({ ownership: "private", limit: 2 });
    expect(page.data.map((g) => g.id)).toEqual(["a", "b"]);
    expect(page).toMatchObject({ has_more: true, next_token: "t1" });
    const second = await page.nextPage();
    expect(second?.data.map((g) => g.id)).toEqual(["c"]);
    const third = await second!.nextPage();
    expect(await third!.nextPage()).toBeNull();
    expect(s!.received[0]!.url).toBe("/v3/avatars?ownership=private&limit=2");
    expect(s!.received[1]!.url).toBe("/v3/avatars?ownership=private&limit=2&token=t1");
  });

  it("iterates every item of every page, and can iterate again", async () => {
    const heygen = clientFor(await pages(three));
    const list = heygen.avatarGroups.list();
    const ids: string[] = [];
    for await (const g of list) ids.push(g.id);
    expect(ids).toEqual(["a", "b", "c", "d"]);
    const again: string[] = [];
    for await (const g of list) again.push(g.id);
    expect(again).toEqual(ids);
    // the first page is fetched once and shared by both walks
    expect(s!.received).toHaveLength(5);
  });

  it("starts from a given token and gives withResponse on the first page", async () => {
    const heygen = clientFor(await pages(three));
    const r = await heygen.avatarGroups.list({ token: "t1" }).withResponse();
    expect(r.data.data.map((g) => g.id)).toEqual(["c"]);
    expect(r.response.status).toBe(200);
  });

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

  it.each([
    [{ limit: 0 }, /limit/],
    [{ limit: 51 }, /limit/],
    [{ limit: 2.5 }, /limit/],
    [{ ownership: "mine" }, /ownership/],
    [{ token: 5 }, /token/],
    [null, /params/],
  ])("rejects %j before any request", async (params, msg) => {
    const heygen = clientFor(await pages(three));
    const p = heygen.avatarGroups.list(params as never);
    await expect(p).rejects.toBeInstanceOf(HeyGenValidationError);
    await expect(p).rejects.toThrow(msg);
    expect(s!.received).toHaveLength(0);
  });
});
