import { afterEach, describe, expect, it } from "vitest";
import type { AvatarGroup, FakeHeyGen } from "../src/index.js";
import { AUTH, type Call, getJson, KEY, open, TRANSPORTS } from "./transports.js";

interface ListBody {
  data: AvatarGroup[];
  has_more: boolean;
  next_token: string | null;
}

async function listAll(call: Call, query: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let token: string | null = null;
  let pages = 0;
  do {
    const suffix: string = token === null ? "" : `&token=${encodeURIComponent(token)}`;
    const { status, body } = await getJson<ListBody>(call, `/v3/avatars?${query}${suffix}`);
    expect(status).toBe(200);
    ids.push(...body.data.map((g) => g.id));
    token = body.next_token;
    expect(body.has_more).toBe(token !== null);
    pages++;
  } while (token !== null);
  return { ids, pages };
}

describe.each(TRANSPORTS)("v3 avatar groups over $name", (transport) => {
  let fake: FakeHeyGen;
  let call: Call;
  afterEach(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });
  const start = async (options = {}) => {
    ({ fake, call } = await open(transport, options));
  };

  describe("auth", () => {
    it("answers 401 with the spec's error body without a key, with a wrong key or wrong bearer", async () => {
      await start();
      const attempts: Record<string, string>[] = [
        {},
        { "x-api-key": "nope" },
        { authorization: "Bearer nope" },
      ];
      for (const headers of attempts) {
        const response = await call("/v3/avatars", { headers });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({
          error: {
            code: "authentication_failed",
            message: "Invalid or expired API key. Verify your x-api-key header.",
            param: null,
            doc_url: null,
          },
        });
      }
    });

    it("accepts the key as x-api-key or as a bearer token, and extra bearer tokens", async () => {
      await start({ bearerTokens: ["oauth-token"] });
      const attempts: Record<string, string>[] = [
        AUTH,
        { authorization: `Bearer ${KEY}` },
        { authorization: "Bearer oauth-token" },
      ];
      for (const headers of attempts) {
        expect((await call("/v3/avatars/ag_abc123", { headers })).status).toBe(200);
      }
    });
  });

  describe("validation", () => {
    it.each([
      "0",
      "51",
      "-1",
      "abc",
      "2.5",
    ])("rejects limit=%s with invalid_parameter", async (limit) => {
      await start();
      const { status, body } = await getJson(call, `/v3/avatars?limit=${limit}`);
      expect(status).toBe(400);
      expect(body).toEqual({
        error: {
          code: "invalid_parameter",
          message: "limit must be an integer between 1 and 50.",
          param: "limit",
          doc_url: null,
        },
      });
    });

    it("accepts limit at both ends of 1..50", async () => {
      await start();
      expect((await getJson<ListBody>(call, "/v3/avatars?limit=1")).body.data).toHaveLength(1);
      expect((await getJson<ListBody>(call, "/v3/avatars?limit=50")).body.data).toHaveLength(13);
    });

    it("rejects an unknown ownership", async () => {
      await start();
      const { status, body } = await getJson<{ error: { param: string; code: string } }>(
        call,
        "/v3/avatars?ownership=shared",
      );
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: "invalid_parameter", param: "ownership" });
    });

    it.each([
      ["not base64", "%%%"],
      ["not JSON", Buffer.from("hello").toString("base64url")],
      ["JSON of the wrong shape", Buffer.from('{"last_id":1}').toString("base64url")],
    ])("rejects a malformed token (%s)", async (_what, token) => {
      await start();
      const { status, body } = await getJson<{ error: { param: string; code: string } }>(
        call,
        `/v3/avatars?token=${encodeURIComponent(token)}`,
      );
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: "invalid_parameter", param: "token" });
    });

    it("rejects a token used with a different ownership filter", async () => {
      await start();
      const first = await getJson<ListBody>(call, "/v3/avatars?ownership=public&limit=2");
      const { status, body } = await getJson<{ error: { param: string } }>(
        call,
        `/v3/avatars?ownership=private&limit=2&token=${first.body.next_token}`,
      );
      expect(status).toBe(400);
      expect(body.error.param).toBe("token");
    });
  });

  describe("pagination", () => {
    it("walks every group once, newest first, over several pages at a small limit", async () => {
      await start();
      const { ids, pages } = await listAll(call, "limit=5");
      const expected = fake.state.groups().map((g) => g.id);
      expect(ids).toEqual(expected);
      expect(new Set(ids).size).toBe(13);
      expect(pages).toBe(3);
    });

    it("filters by ownership and defaults to 20 per page", async () => {
      await start({ groups: { public: 22, private: 3 } });
      const first = await getJson<ListBody>(call, "/v3/avatars");
      expect(first.body.data).toHaveLength(20);
      expect(first.body.has_more).toBe(true);
      const publicIds = (await listAll(call, "ownership=public&limit=7")).ids;
      const privateIds = (await listAll(call, "ownership=private&limit=7")).ids;
      expect(publicIds).toEqual(fake.state.groups({ ownership: "public" }).map((g) => g.id));
      expect(privateIds).toEqual(fake.state.groups({ ownership: "private" }).map((g) => g.id));
      expect(publicIds).toHaveLength(22);
      expect(privateIds).toHaveLength(3);
    });

    it("stays consistent when groups are added and removed between pages", async () => {
      await start();
      const before = fake.state.groups().map((g) => g.id);
      const first = await getJson<ListBody>(call, "/v3/avatars?limit=4");
      // A newer group, an older group, a group tied on created_at, and one removed from page 2.
      const newest = fake.state.addGroup({ created_at: 2_000_000_000 });
      const oldest = fake.state.addGroup({ created_at: 1_000 });
      const last = first.body.data.at(-1)!;
      const tied = fake.state.addGroup({ created_at: last.created_at, id: `${last.id}0` });
      const removed = before[5]!;
      fake.state.removeGroup(removed);
      const seen = first.body.data.map((g) => g.id);
      let token = first.body.next_token;
      while (token !== null) {
        const page = await getJson<ListBody>(call, `/v3/avatars?limit=4&token=${token}`);
        seen.push(...page.body.data.map((g) => g.id));
        token = page.body.next_token;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(
        before
          .filter((id) => id !== removed)
          .concat(oldest.id)
          .filter((id) => id !== newest.id),
      );
      expect(seen).not.toContain(tied.id);
      expect(seen).not.toContain(newest.id);
    });
  });

  it("walks 6,000 groups page by page, each once and in order", async () => {
    await start({ groups: "empty" });
    for (let i = 0; i < 6_000; i++) {
      fake.state.addGroup({ ownership: i % 3 ? "public" : "private", name: `g${i}` });
    }
    const { ids, pages } = await listAll(call, "limit=50&ownership=public");
    expect(pages).toBe(Math.ceil(ids.length / 50));
    expect(ids).toEqual(fake.state.groups({ ownership: "public" }).map((g) => g.id));
  });

  describe("GET /v3/avatars/{group_id}", () => {
    it("returns the group with looks_count from its looks", async () => {
      await start();
      const { status, body } = await getJson<{ data: AvatarGroup }>(call, "/v3/avatars/ag_abc123");
      expect(status).toBe(200);
      expect(body.data).toMatchObject({ id: "ag_abc123", name: "Anna", looks_count: 3 });
      expect(body.data).not.toHaveProperty("ownership");
      expect(body.data.looks_count).toBe(fake.state.looks("ag_abc123").length);
    });

    it("answers an unknown group with the spec's 404 body", async () => {
      await start();
      const { status, body } = await getJson(call, "/v3/avatars/missing-group");
      expect(status).toBe(404);
      expect(body).toEqual({
        error: {
          code: "avatar_group_not_found",
          message: "Avatar group not found.",
          param: null,
          doc_url: null,
        },
      });
    });
  });
});
