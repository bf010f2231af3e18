import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HeyGenValidationError, NotFoundError } from "../../src/index.js";
import { useFake } from "../support/fake.js";

const t = useFake();

/** A group as `GET /v3/avatars` lists it: the fake's stored group without its owner field. */
const listed = (id: string) => {
  const { ownership: _, ...item } = t.fake.state.group(id)!;
  return item;
};

describe("avatarGroups.list on the fake", () => {
  it("awaits one page, walks on with nextPage(), and sends ownership, limit and token", async () => {
    const publicIds = t.fake.state.groups({ ownership: "public" }).map((g) => g.id);
    expect(publicIds).toHaveLength(8);
    const heygen = t.client();
    const first = await heygen.avatarGroups.list({ ownership: "public", limit: 3 });
    expect(first.data).toEqual(publicIds.slice(0, 3).map(listed));
    expect(first.has_more).toBe(true);
    expect(first.next_token).toEqual(expect.any(String));
    const second = await first.nextPage();
    const third = await second!.nextPage();
    expect([...second!.data, ...third!.data].map((g) => g.id)).toEqual(publicIds.slice(3));
    expect(third).toMatchObject({ has_more: false, next_token: null });
    expect(await third!.nextPage()).toBeNull();
    expect(t.fake.requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ["GET", "/v3/avatars", { ownership: "public", limit: "3" }],
      ["GET", "/v3/avatars", { ownership: "public", limit: "3", token: first.next_token }],
      ["GET", "/v3/avatars", { ownership: "public", limit: "3", token: second!.next_token }],
    ]);
  });

  it("iterates every group of every page, one request per page, and can iterate again", async () => {
    const all = t.fake.state.groups().map((g) => g.id);
    expect(all).toHaveLength(13);
    const list = t.client().avatarGroups.list({ limit: 4 });
    const ids: string[] = [];
    for await (const g of list) ids.push(g.id);
    expect(ids).toEqual(all);
    expect(t.fake.requests.map((r) => [r.query.limit, r.query.token === undefined])).toEqual([
      ["4", true],
      ["4", false],
      ["4", false],
      ["4", false],
    ]);
    const again: string[] = [];
    for await (const g of list) again.push(g.id);
    expect(again).toEqual(all);
    // the awaited first page is shared by both walks; the later pages are fetched again
    expect(t.fake.requests).toHaveLength(7);
  });

  it("resumes from a next_token, and withResponse() gives the page with the request id", async () => {
    const heygen = t.client();
    const first = await heygen.avatarGroups.list({ ownership: "private", limit: 2 });
    const r = await heygen.avatarGroups
      .list({ ownership: "private", limit: 2, token: first.next_token! })
      .withResponse();
    const privateIds = t.fake.state.groups({ ownership: "private" }).map((g) => g.id);
    expect(r.data.data.map((g) => g.id)).toEqual(privateIds.slice(2, 4));
    expect(r.response.status).toBe(200);
    expect(r.requestId).toBe(`fake-1-${t.fake.requests[1]!.seq}`);
  });

  it.each([
    [{ limit: 0 }, /limit/],
    [{ limit: 51 }, /limit/],
    [{ limit: 2.5 }, /limit/],
    [{ ownership: "mine" }, /ownership/],
    [{ token: 5 }, /token/],
    [null, /params/],
  ])("rejects %j before any request", async (params, msg) => {
    const p = t.client().avatarGroups.list(params as never);
    await expect(p).rejects.toBeInstanceOf(HeyGenValidationError);
    await expect(p).rejects.toThrow(msg);
    expect(t.fake.requests).toHaveLength(0);
  });
});

describe("avatarGroups.get and listLooks on the fake", () => {
  it("unwrap the envelopes into the API's own fields", async () => {
    const heygen = t.client();
    expect(await heygen.avatarGroups.get("ag_abc123")).toEqual(listed("ag_abc123"));
    const { avatar_list } = await heygen.avatarGroups.listLooks("ag_abc123");
    expect(avatar_list).toEqual(t.fake.state.looks("ag_abc123"));
    expect(avatar_list).toHaveLength(3);
    expect(t.fake.requests.map((r) => `${r.method} ${r.path} ${r.operationId}`)).toEqual([
      "GET /v3/avatars/ag_abc123 getAvatarGroup",
      "GET /v2/avatar_group/ag_abc123/avatars list-all-avatars-in-one-avatar-group",
    ]);
  });

  it("percent-encode the id, so ../v1/user/me stays one segment of the documented route", async () => {
    const heygen = t.client();
    await expect(heygen.avatarGroups.get("../v1/user/me")).rejects.toBeInstanceOf(NotFoundError);
    await expect(heygen.avatarGroups.listLooks("a b?c#d")).rejects.toBeInstanceOf(NotFoundError);
    expect(t.fake.requests.map((r) => [r.path, r.operationId])).toEqual([
      ["/v3/avatars/..%2Fv1%2Fuser%2Fme", "getAvatarGroup"],
      ["/v2/avatar_group/a%20b%3Fc%23d/avatars", "list-all-avatars-in-one-avatar-group"],
    ]);
  });

  it("keep any id inside its one path segment (property)", async () => {
    const heygen = t.client({ maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1 }).filter((x) => x !== "." && x !== ".."),
        async (id) => {
          const e = await heygen.avatarGroups.get(id).catch((x) => x);
          const r = t.fake.requests.at(-1)!;
          const segment = r.path.slice("/v3/avatars/".length);
          expect(e).toBeInstanceOf(NotFoundError);
          expect(r.operationId).toBe("getAvatarGroup");
          expect(segment).not.toContain("/");
          expect(decodeURIComponent(segment)).toBe(id);
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each([
    [""],
    ["."],
    [".."],
    [42],
    [undefined],
  ])("reject the id %j before any request", async (id) => {
    const heygen = t.client();
    await expect(heygen.avatarGroups.get(id as string)).rejects.toBeInstanceOf(
      HeyGenValidationError,
    );
    await expect(heygen.avatarGroups.listLooks(id as string)).rejects.toBeInstanceOf(
      HeyGenValidationError,
    );
    await expect(heygen.photoAvatars.get(id as string)).rejects.toBeInstanceOf(
      HeyGenValidationError,
    );
    expect(t.fake.requests).toHaveLength(0);
  });
});
