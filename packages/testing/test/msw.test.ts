import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFakeHeyGen, type FakeHeyGen, type PhotoAvatarLook } from "../src/index.js";

const BASE = "https://api.heygen.com";
const AUTH = { "x-api-key": "test-key" };
const server = setupServer();

describe("msw handlers", () => {
  let fake: FakeHeyGen;
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());
  beforeEach(async () => {
    fake = await createFakeHeyGen({ apiKey: "test-key", looks: { pendingReads: 0 } });
    server.use(...fake.handlers);
  });
  afterEach(async () => {
    server.resetHandlers();
    expect(fake.violations).toEqual([]);
    await fake.close();
  });

  it("serves every operation from the same state as fake.fetch", async () => {
    const list = await fetch(`${BASE}/v3/avatars?limit=3&ownership=private`, { headers: AUTH });
    expect(list.status).toBe(200);
    const groups = ((await list.json()) as { data: { id: string }[] }).data;
    expect(groups.map((g) => g.id)).toEqual(
      fake.state
        .groups({ ownership: "private" })
        .slice(0, 3)
        .map((g) => g.id),
    );
    const added = await fetch(`${BASE}/v2/photo_avatar/avatar_group/add`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/json" },
      body: JSON.stringify({ group_id: groups[0]!.id, image_keys: ["a"], name: "From msw" }),
    });
    const look = ((await added.json()) as { data: { photo_avatar_list: PhotoAvatarLook[] } }).data
      .photo_avatar_list[0]!;
    // The look created through msw is visible through the in-process fetch and the state.
    const viaFetch = await fake.fetch(`/v2/photo_avatar/${look.id}`, { headers: AUTH });
    expect(((await viaFetch.json()) as { data: PhotoAvatarLook }).data.status).toBe("completed");
    expect(fake.state.look(look.id)?.name).toBe("From msw");
    const group = await fetch(`${BASE}/v3/avatars/${groups[0]!.id}`, { headers: AUTH });
    expect(group.status).toBe(200);
    const v2 = await fetch(`${BASE}/v2/avatar_group/${groups[0]!.id}/avatars`, { headers: AUTH });
    expect(v2.status).toBe(200);
    expect(fake.requests.map((r) => r.transport)).toEqual(["msw", "msw", "fetch", "msw", "msw"]);
  });

  it("answers auth failures, validation errors and injected 429s like the other transports", async () => {
    expect((await fetch(`${BASE}/v3/avatars`)).status).toBe(401);
    expect((await fetch(`${BASE}/v3/avatars?limit=99`, { headers: AUTH })).status).toBe(400);
    fake.inject({ status: 429, retryAfter: 2 });
    const limited = await fetch(`${BASE}/v3/avatars`, { headers: AUTH });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
  });

  it("names unmatched requests on the HeyGen origin instead of passing them through", async () => {
    const response = await fetch(`${BASE}/v1/video.list`, { headers: AUTH });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("GET /v1/video.list");
    expect(fake.unmatched.map((r) => r.path)).toEqual(["/v1/video.list"]);
  });

  it("turns a connection reset into a network error and a hang into a wait for the client", async () => {
    fake.inject({ kind: "connection-reset" });
    await expect(fetch(`${BASE}/v3/avatars`, { headers: AUTH })).rejects.toThrow(TypeError);
    fake.inject({ kind: "hang" });
    const controller = new AbortController();
    const pending = fetch(`${BASE}/v3/avatars`, { headers: AUTH, signal: controller.signal });
    while (fake.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect((await fetch(`${BASE}/v3/avatars`, { headers: AUTH })).status).toBe(200);
  });

  it("intercepts a custom origin when baseUrl is set", async () => {
    const custom = await createFakeHeyGen({ apiKey: "test-key", baseUrl: "https://heygen.test/" });
    server.use(...custom.handlers);
    const response = await fetch("https://heygen.test/v3/avatars/ag_abc123", { headers: AUTH });
    expect(response.status).toBe(200);
    expect(custom.requests).toHaveLength(1);
    expect(fake.requests).toHaveLength(0);
    await custom.close();
  });

  it("fake.handler answers one operation your way, with the request checked against the spec", async () => {
    const seen: string[] = [];
    server.use(
      fake.handler("GET /v3/videos/{video_id}", ({ params }) => {
        seen.push(params.video_id);
        return {
          status: 404,
          body: {
            error: {
              code: "video_not_found",
              message: `No video ${params.video_id}`,
              param: null,
              doc_url: null,
            },
          },
        };
      }),
      fake.handler("POST /v3/webhooks/endpoints", ({ body }) => ({
        status: 200,
        body: {
          data: {
            endpoint_id: "ep_1",
            url: body!.url,
            status: "enabled",
            created_at: "2026-01-01T00:00:00Z",
            secret: "whsec_AAAA",
          },
        },
      })),
    );
    const missing = await fetch(`${BASE}/v3/videos/v_9`, { headers: AUTH });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(
      "No video v_9",
    );
    expect(seen).toEqual(["v_9"]);
    const created = await fetch(`${BASE}/v3/webhooks/endpoints`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/json" },
      body: JSON.stringify({ url: "https://example.com/h" }),
    });
    expect(((await created.json()) as { data: { url: string } }).data.url).toBe(
      "https://example.com/h",
    );
    // A request the spec refuses never reaches the resolver.
    const bad = await fetch(`${BASE}/v3/webhooks/endpoints`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/json" },
      body: JSON.stringify({ events: ["avatar_video.success"] }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe("url");
  });

  it("fake.handler records an answer that breaks the spec as a violation", async () => {
    server.use(
      fake.handler("GET /v3/users/me", () => ({
        status: 200,
        body: { data: { username: 5 } } as never,
      })),
    );
    await fetch(`${BASE}/v3/users/me`, { headers: AUTH });
    expect(fake.violations.length).toBeGreaterThan(0);
    expect(fake.violations[0]).toContain("GET /v3/users/me -> 200 (fake.handler)");
    (fake.violations as string[]).length = 0;
  });
});
