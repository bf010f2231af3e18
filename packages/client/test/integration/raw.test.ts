import { describe, expect, it } from "vitest";
import { APIConnectionError } from "../../src/index.js";
import { useFake } from "../support/fake.js";

const t = useFake();
const GROUP = "ag_abc123";

describe("raw openapi-fetch clients on the fake", () => {
  it("raw.v3 lists and gets groups with the client's auth, and reports a 404 the openapi-fetch way", async () => {
    const heygen = t.client();
    const list = await heygen.raw.v3.GET("/v3/avatars", {
      params: { query: { ownership: "private", limit: 2 } },
    });
    expect(list.data?.data.map((g) => g.id)).toEqual(
      t.fake.state
        .groups({ ownership: "private" })
        .slice(0, 2)
        .map((g) => g.id),
    );
    const missing = await heygen.raw.v3.GET("/v3/avatars/{group_id}", {
      params: { path: { group_id: "gone/../x" } },
    });
    expect(missing.data).toBeUndefined();
    expect(missing.error?.error.code).toBe("avatar_group_not_found");
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get("x-request-id")).toBe(`fake-1-${t.fake.requests[1]!.seq}`);
    expect(t.fake.requests.map((r) => [r.path, r.query, r.headers["x-api-key"]])).toEqual([
      ["/v3/avatars", { ownership: "private", limit: "2" }, "[redacted]"],
      ["/v3/avatars/gone%2F..%2Fx", {}, "[redacted]"],
    ]);
  });

  it("raw.v2 adds looks and reads one back, sharing the client's retries", async () => {
    const heygen = t.client();
    t.fake.inject({ status: 503, operationId: "photo-avatar-details" });
    const added = await heygen.raw.v2.POST("/v2/photo_avatar/avatar_group/add", {
      body: { group_id: GROUP, image_keys: ["image/raw.png"], name: "Raw" },
    });
    const id = added.data!.data.photo_avatar_list[0]!.id;
    const look = await heygen.raw.v2.GET("/v2/photo_avatar/{id}", { params: { path: { id } } });
    expect(look.data?.data).toMatchObject({ id, name: "Raw", group_id: GROUP });
    expect(t.fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /v2/photo_avatar/avatar_group/add 200",
      `GET /v2/photo_avatar/${id} 503`,
      `GET /v2/photo_avatar/${id} 200`,
    ]);
    expect(t.fake.requests[0]!.body).toEqual({
      group_id: GROUP,
      image_keys: ["image/raw.png"],
      name: "Raw",
    });
  });

  it("throws APIConnectionError when the connection is reset on every attempt", async () => {
    t.fake.inject({ kind: "connection-reset", times: 3 });
    await expect(t.client().raw.v3.GET("/v3/avatars")).rejects.toBeInstanceOf(APIConnectionError);
    expect(t.fake.requests.map((r) => r.fault)).toEqual(Array(3).fill("connection-reset"));
  });
});
