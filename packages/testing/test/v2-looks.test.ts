import { afterEach, describe, expect, it } from "vitest";
import type { AvatarGroup, FakeHeyGen, PhotoAvatarLook } from "../src/index.js";
import { AUTH, type Call, getJson, open, post, TRANSPORTS } from "./transports.js";

interface AddBody {
  error: null;
  data: { photo_avatar_list: PhotoAvatarLook[] };
}

describe.each(TRANSPORTS)("v2 looks over $name", (transport) => {
  let fake: FakeHeyGen;
  let call: Call;
  afterEach(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });
  const start = async (options = {}) => {
    ({ fake, call } = await open(transport, options));
  };
  const privateGroup = () => fake.state.groups({ ownership: "private" })[0]!;
  const add = async (body: unknown) => {
    const response = await post(call, "/v2/photo_avatar/avatar_group/add", body);
    return { status: response.status, body: (await response.json()) as AddBody };
  };
  const details = (id: string) =>
    getJson<{ error: unknown; data: PhotoAvatarLook | null }>(call, `/v2/photo_avatar/${id}`);

  it("adds pending looks that show up in v2 details, the v2 group listing and v3 looks_count", async () => {
    await start();
    const group = privateGroup();
    const { status, body } = await add({
      group_id: group.id,
      image_keys: ["image/key-1", "image/key-2"],
      name: "Office",
    });
    expect(status).toBe(200);
    expect(body.error).toBeNull();
    const looks = body.data.photo_avatar_list;
    expect(looks.map((l) => [l.name, l.status, l.group_id])).toEqual([
      ["Office", "pending", group.id],
      ["Office", "pending", group.id],
    ]);
    expect((await details(looks[0]!.id)).body.data).toMatchObject({ id: looks[0]!.id });
    const listing = await getJson<{ data: { avatar_list: PhotoAvatarLook[] } }>(
      call,
      `/v2/avatar_group/${group.id}/avatars`,
    );
    expect(listing.body.data.avatar_list.map((l) => l.id)).toEqual(
      expect.arrayContaining(looks.map((l) => l.id)),
    );
    const v3 = await getJson<{ data: AvatarGroup }>(call, `/v3/avatars/${group.id}`);
    expect(v3.body.data.looks_count).toBe(group.looks_count + 2);
  });

  it("gives looks of consecutive adds strictly increasing created_at, listed in creation order", async () => {
    await start({ now: () => 1_750_000_000_000 });
    const group = privateGroup();
    const first = await add({ group_id: group.id, image_keys: ["a1", "a2"], name: "first" });
    const second = await add({ group_id: group.id, image_keys: ["b1", "b2"], name: "second" });
    const created = [...first.body.data.photo_avatar_list, ...second.body.data.photo_avatar_list];
    const stamps = created.map((l) => l.created_at);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(4);
    const listing = await getJson<{ data: { avatar_list: PhotoAvatarLook[] } }>(
      call,
      `/v2/avatar_group/${group.id}/avatars`,
    );
    expect(listing.body.data.avatar_list.slice(-4).map((l) => l.id)).toEqual(
      created.map((l) => l.id),
    );
  });

  it("completes a look after the configured number of reads", async () => {
    await start({ looks: { pendingReads: 1 } });
    const { body } = await add({ group_id: privateGroup().id, image_keys: ["k"], name: "A" });
    const id = body.data.photo_avatar_list[0]!.id;
    expect((await details(id)).body.data?.status).toBe("pending");
    const done = (await details(id)).body.data!;
    expect(done.status).toBe("completed");
    expect(done.upscale_availability.available).toBe(true);
    expect((await details(id)).body.data?.status).toBe("completed");
  });

  it("counts a listing of the group as a read of each look; state reads do not count", async () => {
    await start({ looks: { pendingReads: 2 } });
    const group = privateGroup();
    const { body } = await add({ group_id: group.id, image_keys: ["k1", "k2"], name: "A" });
    const ids = body.data.photo_avatar_list.map((l) => l.id);
    for (let i = 0; i < 5; i++) expect(fake.state.look(ids[0]!)?.status).toBe("pending");
    const statuses = async () =>
      (
        await getJson<{ data: { avatar_list: PhotoAvatarLook[] } }>(
          call,
          `/v2/avatar_group/${group.id}/avatars`,
        )
      ).body.data.avatar_list
        .filter((l) => ids.includes(l.id))
        .map((l) => l.status);
    expect(await statuses()).toEqual(["pending", "pending"]);
    expect(await statuses()).toEqual(["pending", "pending"]);
    expect(await statuses()).toEqual(["completed", "completed"]);
  });

  it("completes a look after pendingMs on the fake's clock", async () => {
    let now = 1_800_000_000_000;
    await start({ now: () => now, looks: { pendingMs: 5_000 } });
    const { body } = await add({ group_id: privateGroup().id, image_keys: ["k"], name: "A" });
    const look = body.data.photo_avatar_list[0]!;
    expect(look.created_at).toBe(1_800_000_000);
    for (let i = 0; i < 3; i++) expect((await details(look.id)).body.data?.status).toBe("pending");
    now += 5_000;
    expect((await details(look.id)).body.data?.status).toBe("completed");
  });

  it("ends looks as moderation_rejected or failed when the test asks", async () => {
    await start({ looks: { pendingReads: 0 } });
    const group = privateGroup();
    fake.state.setLookOutcome((look) =>
      look.image_key.includes("nsfw") ? "moderation_rejected" : "completed",
    );
    const { body } = await add({ group_id: group.id, image_keys: ["ok", "nsfw"], name: "A" });
    const [ok, bad] = body.data.photo_avatar_list;
    expect((await details(ok!.id)).body.data?.status).toBe("completed");
    const rejected = (await details(bad!.id)).body.data!;
    expect(rejected.status).toBe("moderation_rejected");
    expect(rejected.moderation_msg).toMatch(/moderation/);

    fake.state.setLookOutcome("completed");
    const second = await add({ group_id: group.id, image_keys: ["x"], name: "B" });
    const id = second.body.data.photo_avatar_list[0]!.id;
    fake.state.settleLook(id, "failed");
    expect((await details(id)).body.data?.status).toBe("failed");
  });

  it("takes the outcome of new looks from the looks.outcome option", async () => {
    await start({ looks: { pendingReads: 0, outcome: "failed" } });
    const { body } = await add({ group_id: privateGroup().id, image_keys: ["k"], name: "A" });
    expect((await details(body.data.photo_avatar_list[0]!.id)).body.data?.status).toBe("failed");
  });

  it("shares groups with v3: a v3 group id lists its looks in v2", async () => {
    await start();
    const v3 = await getJson<{ data: AvatarGroup[] }>(call, "/v3/avatars?limit=50");
    for (const group of v3.body.data) {
      const v2 = await getJson<{ data: { avatar_list: PhotoAvatarLook[] } }>(
        call,
        `/v2/avatar_group/${group.id}/avatars`,
      );
      expect(v2.status).toBe(200);
      expect(v2.body.data.avatar_list).toHaveLength(group.looks_count);
      for (const look of v2.body.data.avatar_list) expect(look.group_id).toBe(group.id);
    }
  });

  it.each([
    ["no image keys", { image_keys: [], name: "A" }, "image_keys"],
    ["five image keys", { image_keys: ["1", "2", "3", "4", "5"], name: "A" }, "image_keys"],
    ["no name", { image_keys: ["1"] }, "name"],
    ["an empty name", { image_keys: ["1"], name: "  " }, "name"],
    ["no image_keys", { name: "A" }, "image_keys"],
    ["image_keys not an array", { image_keys: "1", name: "A" }, "image_keys"],
    ["an empty image key", { image_keys: ["1", ""], name: "A" }, "image_keys.1"],
  ])("answers 400 in the v2 envelope for %s", async (_what, fields, param) => {
    await start();
    const { status, body } = await add({ group_id: privateGroup().id, ...fields });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "invalid_parameter", param }, data: null });
    expect(fake.state.looks(privateGroup().id)).toHaveLength(privateGroup().looks_count);
  });

  it("answers 400 for a body that is not JSON, and for no body", async () => {
    await start();
    const bad = await call("/v2/photo_avatar/avatar_group/add", {
      method: "POST",
      headers: AUTH,
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "invalid_parameter" }, data: null });
    const empty = await call("/v2/photo_avatar/avatar_group/add", {
      method: "POST",
      headers: AUTH,
    });
    expect(empty.status).toBe(400);
  });

  it("answers 404 in the v2 envelope when the group does not exist", async () => {
    await start();
    const { status, body } = await add({ group_id: "nope", image_keys: ["k"], name: "A" });
    expect(status).toBe(404);
    expect(body).toEqual({
      error: {
        code: "avatar_group_not_found",
        message: "Avatar group not found.",
        param: "group_id",
      },
      data: null,
    });
  });

  it("answers unknown looks and groups with 404 in the v2 envelope", async () => {
    await start();
    const look = await details("missing-look");
    expect(look.status).toBe(404);
    expect(look.body).toEqual({
      error: { code: "photo_avatar_not_found", message: "Photo avatar not found." },
      data: null,
    });
    const group = await getJson(call, "/v2/avatar_group/missing-group/avatars");
    expect(group.status).toBe(404);
    expect(group.body).toMatchObject({ error: { code: "avatar_group_not_found" }, data: null });
  });

  it("answers v2 401s in the v2 envelope", async () => {
    await start();
    const response = await call("/v2/photo_avatar/0d9ub062cf7d4d908622c9b3c85c8659");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { code: "authentication_failed" },
      data: null,
    });
  });

  it("serves the spec's example look from the seeded state", async () => {
    await start();
    const { status, body } = await details("0d9ub062cf7d4d908622c9b3c85c8659");
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ name: "Claire", status: "completed", is_motion: true });
  });
});
