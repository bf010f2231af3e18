import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  HeyGenConfigurationError,
  HeyGenValidationError,
  InternalServerError,
} from "../src/index.js";
import { clientFor } from "./support/client.js";
import { group, json, look, startServer, type TestServer } from "./support/server.js";

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe("avatarGroups.get / listLooks, photoAvatars.get", () => {
  it("unwrap the envelopes and keep the API's field names", async () => {
    s = await startServer((req, res) => {
      if (req.url === "/v3/avatars/g1") return json(res, 200, { data: group("g1") });
      if (req.url === "/v2/avatar_group/g1/avatars")
        return json(res, 200, { error: null, data: { avatar_list: [look("l1"), look("l2")] } });
      if (req.url === "/v2/photo_avatar/l1")
        return json(res, 200, { error: null, data: look("l1") });
      json(res, 404, { error: { code: "not_found", message: req.url } });
    });
    const heygen = clientFor(s);
    expect(await heygen.avatarGroups.get("g1")).toEqual(group("g1"));
    expect(await heygen.avatarGroups.listLooks("g1")).toEqual({
      avatar_list: [look("l1"), look("l2")],
    });
    const l = await heygen.photoAvatars.get("l1");
    expect(l).toEqual(look("l1"));
    expect(l.created_at).toBe(1_700_000_000.5);
  });

  it("percent-encodes path parameters so an id cannot reach another endpoint", async () => {
    s = await startServer((_, res) => json(res, 200, { error: null, data: look("x") }));
    const heygen = clientFor(s);
    await heygen.photoAvatars.get("../v1/user/me");
    await heygen.photoAvatars.get("a b?c#d");
    expect(s.received.map((r) => r.url)).toEqual([
      "/v2/photo_avatar/..%2Fv1%2Fuser%2Fme",
      "/v2/photo_avatar/a%20b%3Fc%23d",
    ]);
  });

  it("keeps any id inside its one path segment", async () => {
    s = await startServer((_, res) => json(res, 200, { data: group("x") }));
    const heygen = clientFor(s);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1 }).filter((x) => x !== "." && x !== ".."),
        async (id) => {
          await heygen.avatarGroups.get(id);
          const url = s!.received.at(-1)!.url;
          const [, prefix, segment, rest] = /^\/(v3\/avatars)\/([^/?#]*)(.*)$/.exec(url) ?? [];
          return prefix === "v3/avatars" && rest === "" && decodeURIComponent(segment!) === id;
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
  ])("rejects the id %j before any request", async (id) => {
    s = await startServer((_, res) => json(res, 200, {}));
    const heygen = clientFor(s);
    await expect(heygen.photoAvatars.get(id as string)).rejects.toBeInstanceOf(
      HeyGenValidationError,
    );
    await expect(heygen.avatarGroups.get(id as string)).rejects.toBeInstanceOf(
      HeyGenValidationError,
    );
    await expect(heygen.avatarGroups.listLooks(id as string)).rejects.toBeInstanceOf(
      HeyGenValidationError,
    );
    expect(s.received).toHaveLength(0);
  });

  it("rejects bad per-call options before any request", async () => {
    s = await startServer((_, res) => json(res, 200, {}));
    const heygen = clientFor(s);
    await expect(heygen.avatarGroups.get("g", { timeoutMs: -1 })).rejects.toBeInstanceOf(
      HeyGenConfigurationError,
    );
    await expect(heygen.avatarGroups.get("g", { signal: "x" as never })).rejects.toThrow(/signal/);
    await expect(heygen.avatarGroups.get("g", { headers: { "a b": "c" } })).rejects.toThrow(
      /headers/,
    );
    expect(s.received).toHaveLength(0);
  });
});

describe("photoAvatars.addLooks", () => {
  it("sends batches of 4 in order and returns every look in order", async () => {
    s = await startServer((req, res) => {
      const body = JSON.parse(req.body) as { image_keys: string[] };
      json(res, 200, {
        error: null,
        data: { photo_avatar_list: body.image_keys.map((k) => look(`look_${k}`)) },
      });
    });
    const keys = Array.from({ length: 9 }, (_, i) => `k${i}`);
    const heygen = clientFor(s);
    const r = await heygen.photoAvatars
      .addLooks({ group_id: "g", image_keys: keys, name: "Summer", generation_id: "gen" })
      .withResponse();
    expect(s.received.map((q) => JSON.parse(q.body))).toEqual([
      { group_id: "g", image_keys: ["k0", "k1", "k2", "k3"], name: "Summer", generation_id: "gen" },
      { group_id: "g", image_keys: ["k4", "k5", "k6", "k7"], name: "Summer", generation_id: "gen" },
      { group_id: "g", image_keys: ["k8"], name: "Summer", generation_id: "gen" },
    ]);
    expect(
      s.received.every((q) => q.method === "POST" && q.url === "/v2/photo_avatar/avatar_group/add"),
    ).toBe(true);
    expect(s.received.every((q) => q.headers["content-type"] === "application/json")).toBe(true);
    expect(r.data.photo_avatar_list.map((l) => l.id)).toEqual(keys.map((k) => `look_${k}`));
    expect(r.response.status).toBe(200);
  });

  it("stops at the first failing batch without retrying it", async () => {
    s = await startServer((_, res, n) =>
      n === 0
        ? json(res, 200, { error: null, data: { photo_avatar_list: [look("a")] } })
        : json(res, 502, { error: "bad gateway", data: null }),
    );
    const keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
    await expect(
      clientFor(s).photoAvatars.addLooks({ group_id: "g", image_keys: keys, name: "n" }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(s.received).toHaveLength(2);
  });

  it.each([
    [{ group_id: "g", image_keys: [], name: "n" }, /image_keys must be a non-empty array/],
    [{ group_id: "g", image_keys: "k1", name: "n" }, /image_keys/],
    [{ group_id: "g", image_keys: ["k1"] }, /name/],
    [{ group_id: "g", image_keys: ["k1"], name: "" }, /name/],
    [
      { group_id: "g", image_keys: ["k1", 2], name: "n" },
      /image_keys must be .* non-empty strings/,
    ],
    [{ image_keys: ["k1"], name: "n" }, /group_id/],
    [{ group_id: "g", image_keys: ["k1"], name: "n", generation_id: 3 }, /generation_id/],
    [undefined, /params/],
    [{ group_id: "g", image_keys: ["k1"], name: "n", extra: 1n }, /serialized as JSON/],
  ])("rejects %s before any request", async (params, msg) => {
    s = await startServer((_, res) => json(res, 200, {}));
    const p = clientFor(s).photoAvatars.addLooks(params as never);
    await expect(p).rejects.toBeInstanceOf(HeyGenValidationError);
    await expect(p).rejects.toThrow(msg);
    expect(s.received).toHaveLength(0);
  });
});
