import { describe, expect, it } from "vitest";
import {
  APIUserAbortError,
  HeyGenConfigurationError,
  HeyGenValidationError,
  InternalServerError,
  NotFoundError,
  PhotoAvatarNotReadyError,
} from "../../src/index.js";
import { useFake } from "../support/fake.js";

// A clock that moves a second per reading, so looks created by consecutive batches get strictly
// increasing created_at values and the fake lists them in the order they were created. (With the
// real clock the fake gives batches sent a few ms apart overlapping created_at values, and the
// listing then interleaves them: a bug in the fake, reported to its owner.)
let clock = 1_750_000_000_000;
const t = useFake({
  now: () => {
    clock += 1_000;
    return clock;
  },
});

const GROUP = "ag_abc123";
const keys = (n: number) => Array.from({ length: n }, (_, i) => `image/${i}.png`);

describe("photoAvatars.get on the fake", () => {
  it("unwraps the v2 envelope into the look", async () => {
    const id = t.fake.state.looks(GROUP)[0]!.id;
    const look = await t.client().photoAvatars.get(id);
    expect(look).toEqual(t.fake.state.look(id));
    expect(t.fake.requests.map((r) => [r.path, r.operationId])).toEqual([
      [`/v2/photo_avatar/${id}`, "photo-avatar-details"],
    ]);
  });
});

describe("photoAvatars.addLooks on the fake", () => {
  it("sends more than 4 keys in batches of 4, in order, and the looks appear in the group", async () => {
    const before = t.fake.state.looks(GROUP).map((l) => l.id);
    const r = await t
      .client()
      .photoAvatars.addLooks({
        group_id: GROUP,
        image_keys: keys(9),
        name: "Summer",
        generation_id: "gen_1",
      })
      .withResponse();
    const adds = t.fake.requests;
    expect(adds.map((q) => [q.method, q.path, q.headers["content-type"]])).toEqual(
      Array(3).fill(["POST", "/v2/photo_avatar/avatar_group/add", "application/json"]),
    );
    expect(adds.map((q) => q.body)).toEqual([
      { group_id: GROUP, image_keys: keys(9).slice(0, 4), name: "Summer", generation_id: "gen_1" },
      { group_id: GROUP, image_keys: keys(9).slice(4, 8), name: "Summer", generation_id: "gen_1" },
      { group_id: GROUP, image_keys: keys(9).slice(8), name: "Summer", generation_id: "gen_1" },
    ]);
    const created = r.data.photo_avatar_list;
    expect(created).toHaveLength(9);
    expect(created.every((l) => l.status === "pending" && l.name === "Summer")).toBe(true);
    expect(new Set(created.map((l) => l.id)).size).toBe(9);
    // withResponse() reports the last batch's answer
    expect(r.requestId).toBe(`fake-1-${adds[2]!.seq}`);

    const heygen = t.client();
    const { avatar_list } = await heygen.avatarGroups.listLooks(GROUP);
    expect(avatar_list.map((l) => l.id)).toEqual([...before, ...created.map((l) => l.id)]);
    expect((await heygen.photoAvatars.get(created[8]!.id)).group_id).toBe(GROUP);
    expect((await heygen.avatarGroups.get(GROUP)).looks_count).toBe(before.length + 9);
  });

  it("stops at the first failing batch without retrying it; earlier batches stay created", async () => {
    const before = t.fake.state.looks(GROUP).length;
    let answered = 0;
    const heygen = t.client({
      // the first batch succeeds, then the server starts failing
      onResponse: () => {
        if (++answered === 1) t.fake.inject({ status: 500, times: 5 });
      },
    });
    const e = await heygen.photoAvatars
      .addLooks({ group_id: GROUP, image_keys: keys(9), name: "n" })
      .catch((x) => x);
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.code).toBe("internal_error");
    expect(t.fake.requests.map((r) => r.status)).toEqual([200, 500]);
    expect(t.fake.state.looks(GROUP)).toHaveLength(before + 4);
  });

  it("reports a missing group as NotFoundError with the v2 error's code and param", async () => {
    const e = await t
      .client()
      .photoAvatars.addLooks({ group_id: "no_such_group", image_keys: ["k"], name: "n" })
      .catch((x) => x);
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e).toMatchObject({ status: 404, code: "avatar_group_not_found", param: "group_id" });
    expect(e.message).toContain("Avatar group not found.");
    expect(t.fake.requests).toHaveLength(1);
  });

  it.each([
    [{ group_id: GROUP, image_keys: [], name: "n" }, /image_keys must be a non-empty array/],
    [{ group_id: GROUP, image_keys: "k1", name: "n" }, /image_keys/],
    [{ group_id: GROUP, image_keys: ["k1"] }, /name/],
    [{ group_id: GROUP, image_keys: ["k1"], name: "" }, /name/],
    [
      { group_id: GROUP, image_keys: ["k1", 2], name: "n" },
      /image_keys must be .* non-empty strings/,
    ],
    [{ image_keys: ["k1"], name: "n" }, /group_id/],
    [{ group_id: GROUP, image_keys: ["k1"], name: "n", generation_id: 3 }, /generation_id/],
    [undefined, /params/],
    [{ group_id: GROUP, image_keys: ["k1"], name: "n", extra: 1n }, /serialized as JSON/],
  ])("rejects %s before any request", async (params, msg) => {
    const p = t.client().photoAvatars.addLooks(params as never);
    await expect(p).rejects.toBeInstanceOf(HeyGenValidationError);
    await expect(p).rejects.toThrow(msg);
    expect(t.fake.requests).toHaveLength(0);
  });
});

describe("photoAvatars.waitUntilReady on the fake", () => {
  /** Adds one look through the API; the fake keeps it `pending` for two reads. */
  const addOne = async () => {
    const { photo_avatar_list } = await t
      .client()
      .photoAvatars.addLooks({ group_id: GROUP, image_keys: ["image/a.png"], name: "Wait" });
    return photo_avatar_list[0]!.id;
  };
  const polls = () => t.fake.requests.filter((r) => r.operationId === "photo-avatar-details");

  it("polls until the look is completed", async () => {
    const id = await addOne();
    const look = await t.client().photoAvatars.waitUntilReady(id, { intervalMs: 1 });
    expect(look).toMatchObject({ id, status: "completed", group_id: GROUP });
    expect(polls().map((r) => r.path)).toEqual(Array(3).fill(`/v2/photo_avatar/${id}`));
  });

  it.each([
    "failed",
    "moderation_rejected",
  ] as const)("throws PhotoAvatarNotReadyError when the look ends as %s", async (status) => {
    t.fake.state.setLookOutcome(status);
    const id = await addOne();
    const e = await t
      .client()
      .photoAvatars.waitUntilReady(id, { intervalMs: 1 })
      .catch((x) => x);
    expect(e).toBeInstanceOf(PhotoAvatarNotReadyError);
    expect(e.reason).toBe(status);
    expect(e.look).toEqual(t.fake.state.look(id));
    expect(e.look.status).toBe(status);
    expect(e.message).toContain(`ended as ${status}`);
    expect(polls()).toHaveLength(3);
  });

  it("throws not_found when the look disappears, with the last look and the NotFoundError", async () => {
    const id = await addOne();
    const heygen = t.client({ onResponse: () => t.fake.state.removeGroup(GROUP) });
    const e = await heygen.photoAvatars.waitUntilReady(id, { intervalMs: 1 }).catch((x) => x);
    expect(e).toBeInstanceOf(PhotoAvatarNotReadyError);
    expect(e).toMatchObject({ reason: "not_found", look: { id, status: "pending" } });
    expect(e.cause).toBeInstanceOf(NotFoundError);
    expect(e.cause.code).toBe("photo_avatar_not_found");
    expect(polls()).toHaveLength(2);
  });

  it("throws timeout with the last status seen when the deadline passes", async () => {
    const id = t.fake.state.looks(GROUP)[0]!.id;
    t.fake.state.updateLook(id, { status: "in_appeal" });
    const e = await t
      .client()
      .photoAvatars.waitUntilReady(id, { intervalMs: 5, timeoutMs: 40 })
      .catch((x) => x);
    expect(e).toBeInstanceOf(PhotoAvatarNotReadyError);
    expect(e.reason).toBe("timeout");
    expect(e.look.status).toBe("in_appeal");
    expect(e.message).toContain("last status in_appeal");
    expect(polls().length).toBeGreaterThanOrEqual(1);
  });

  it("lets other API errors through, after the client's retries", async () => {
    const id = await addOne();
    t.fake.inject({ status: 503, operationId: "photo-avatar-details", times: 3 });
    const e = await t
      .client({ maxRetries: 2 })
      .photoAvatars.waitUntilReady(id, { intervalMs: 1 })
      .catch((x) => x);
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.status).toBe(503);
    expect(polls()).toHaveLength(3);
  });

  it("stops when the caller aborts while it waits to poll again", async () => {
    const id = await addOne();
    const ac = new AbortController();
    const heygen = t.client({
      onResponse: () => setTimeout(() => ac.abort(new Error("user stop")), 10),
    });
    const e = await heygen.photoAvatars
      .waitUntilReady(id, { intervalMs: 60_000, signal: ac.signal })
      .catch((x) => x);
    expect(e).toBeInstanceOf(APIUserAbortError);
    expect(e.cause).toEqual(new Error("user stop"));
    expect(polls()).toHaveLength(1);
  });

  it("rejects bad options before any request", async () => {
    await expect(
      t.client().photoAvatars.waitUntilReady("x", { intervalMs: -1 }),
    ).rejects.toBeInstanceOf(HeyGenConfigurationError);
    expect(t.fake.requests).toHaveLength(0);
  });
});
