import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  createHeyGenClient,
  HeyGenError,
  NotFoundError,
} from "../../src/index.js";
import { KEY } from "../support/client.js";
import { useFake } from "../support/fake.js";

const t = useFake();
const GROUP = "ag_abc123";

describe("credentials on the wire", () => {
  it("sends x-api-key (which per-call headers cannot replace), the user agent and extra headers", async () => {
    const heygen = t.client({ userAgent: "my-app/1.0", headers: { "x-team": "a" } });
    await heygen.avatarGroups.get(GROUP, { headers: { "x-call": "b", "x-api-key": "other" } });
    const [r] = t.fake.requests;
    // the fake shows credentials redacted; its 200 proves the key was the right one
    expect(r!.status).toBe(200);
    expect(r!.headers).toMatchObject({ "x-api-key": "[redacted]", "x-team": "a", "x-call": "b" });
    expect(r!.headers.authorization).toBeUndefined();
    expect(r!.headers["user-agent"]).toMatch(/^heygen-openapi-client\/\S+ my-app\/1\.0$/);
  });

  it("sends an access token as Authorization: Bearer instead of x-api-key", async () => {
    const heygen = createHeyGenClient({ accessToken: KEY, baseUrl: t.fake.url });
    expect((await heygen.photoAvatars.get(t.fake.state.looks(GROUP)[0]!.id)).group_id).toBe(GROUP);
    const [r] = t.fake.requests;
    expect(r!.status).toBe(200);
    expect(r!.headers.authorization).toBe("[redacted]");
    expect(r!.headers["x-api-key"]).toBeUndefined();
  });

  it.each([
    ["apiKey", "v3", (c: ReturnType<typeof createHeyGenClient>) => c.avatarGroups.get(GROUP)],
    ["apiKey", "v2", (c: ReturnType<typeof createHeyGenClient>) => c.avatarGroups.listLooks(GROUP)],
    ["accessToken", "v3", (c: ReturnType<typeof createHeyGenClient>) => c.avatarGroups.list()],
  ] as const)("turns a wrong %s into AuthenticationError (%s), without retrying", async (option, _, call) => {
    const heygen = createHeyGenClient({ [option]: "wrong-key", baseUrl: t.fake.url });
    const e = await call(heygen).catch((x) => x);
    expect(e).toBeInstanceOf(AuthenticationError);
    expect(e).toMatchObject({ status: 401, code: "authentication_failed" });
    expect(e.message).toContain("Invalid or expired API key");
    expect(e.message).toContain("Verify your x-api-key header. Check the API key.");
    expect(e.message).not.toMatch(/[.;!?][.;]/);
    expect(e.message).not.toContain("wrong-key");
    expect(t.fake.requests.map((r) => r.status)).toEqual([401]);
  });
});

describe("error bodies of both generations", () => {
  it("parses a v3 404 ({ error: { code, message, param, doc_url } }) into NotFoundError", async () => {
    const e = await t
      .client()
      .avatarGroups.get("no_such_group")
      .catch((x) => x);
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e).toBeInstanceOf(HeyGenError);
    expect(e).toMatchObject({
      name: "NotFoundError",
      status: 404,
      code: "avatar_group_not_found",
      param: undefined,
      docUrl: undefined,
      requestId: `fake-1-${t.fake.requests[0]!.seq}`,
      body: {
        error: {
          code: "avatar_group_not_found",
          message: "Avatar group not found.",
          param: null,
          doc_url: null,
        },
      },
    });
    expect(e.message).toBe(
      `GET /v3/avatars/{group_id} failed with 404 avatar_group_not_found: Avatar group not found. (request id ${e.requestId})`,
    );
    expect(t.fake.requests).toHaveLength(1);
  });

  it("parses a v2 404 envelope ({ error: { code, message }, data: null }) into NotFoundError", async () => {
    const e = await t
      .client()
      .photoAvatars.get("no_such_look")
      .catch((x) => x);
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e).toMatchObject({
      status: 404,
      code: "photo_avatar_not_found",
      body: { error: { code: "photo_avatar_not_found" }, data: null },
    });
    expect(e.message).toContain(
      "GET /v2/photo_avatar/{id} failed with 404 photo_avatar_not_found: Photo avatar not found.",
    );
    expect(e.message).not.toContain("no_such_look");
  });

  it("parses a v3 400 into BadRequestError naming the parameter", async () => {
    const e = await t
      .client()
      .avatarGroups.list({ token: "not-a-token" })
      .catch((x) => x);
    expect(e).toBeInstanceOf(BadRequestError);
    expect(e).toMatchObject({ status: 400, code: "invalid_parameter", param: "token" });
    expect(t.fake.requests.map((r) => r.query)).toEqual([{ token: "not-a-token" }]);
  });
});
