import type { AvatarGroup, PhotoAvatarLook } from "@heygen-openapi/types";
import { describe, expectTypeOf, it } from "vitest";
import {
  type APIPromise,
  createHeyGenClient,
  type HeyGenClient,
  type HeyGenError,
  type HeyGenHookError,
  type Page,
  type PagePromise,
  type RateLimitError,
  type WithResponse,
} from "../src/index.js";

declare const heygen: HeyGenClient;

describe("createHeyGenClient", () => {
  it("takes typed options", () => {
    expectTypeOf(createHeyGenClient)
      .parameter(0)
      .toEqualTypeOf<Parameters<typeof createHeyGenClient>[0]>();
    createHeyGenClient({ apiKey: "k", timeoutMs: 1, maxRetries: 0, userAgent: "a/1" });
    createHeyGenClient({ accessToken: "t", logger: console, headers: { a: "b" } });
    // @ts-expect-error timeoutMs is a number
    createHeyGenClient({ timeoutMs: "1" });
    // @ts-expect-error unknown option
    createHeyGenClient({ apiKeys: "k" });
  });
});

describe("avatarGroups", () => {
  it("list returns a page promise of generated AvatarGroup items", () => {
    const list = heygen.avatarGroups.list({ ownership: "private", limit: 10, token: "t" });
    expectTypeOf(list).toEqualTypeOf<PagePromise<AvatarGroup>>();
    expectTypeOf(list).toMatchTypeOf<AsyncIterable<AvatarGroup>>();
    expectTypeOf(list).resolves.toEqualTypeOf<Page<AvatarGroup>>();
    expectTypeOf<Page<AvatarGroup>["next_token"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Page<AvatarGroup>["has_more"]>().toEqualTypeOf<boolean>();
    heygen.avatarGroups.list();
    heygen.avatarGroups.list(undefined, { signal: new AbortController().signal });
    // @ts-expect-error ownership is "public" | "private"
    heygen.avatarGroups.list({ ownership: "mine" });
    // @ts-expect-error limit is a number
    heygen.avatarGroups.list({ limit: "5" });
  });

  it("get and listLooks return the unwrapped data", () => {
    expectTypeOf(heygen.avatarGroups.get("g")).toEqualTypeOf<APIPromise<AvatarGroup>>();
    expectTypeOf(heygen.avatarGroups.get("g")).resolves.toHaveProperty("looks_count");
    expectTypeOf(heygen.avatarGroups.listLooks("g")).resolves.toEqualTypeOf<{
      avatar_list: PhotoAvatarLook[];
    }>();
    heygen.avatarGroups.get("g", { timeoutMs: 5, maxRetries: 1, headers: { a: "b" } });
    // @ts-expect-error the id is a string
    heygen.avatarGroups.get(5);
    // @ts-expect-error listLooks needs a group id
    heygen.avatarGroups.listLooks();
    // @ts-expect-error unknown per-call option
    heygen.avatarGroups.get("g", { timeout: 5 });
  });
});

describe("photoAvatars", () => {
  it("get resolves a generated look", () => {
    expectTypeOf(heygen.photoAvatars.get("l")).resolves.toEqualTypeOf<PhotoAvatarLook>();
    expectTypeOf(heygen.photoAvatars.get("l").withResponse()).resolves.toEqualTypeOf<
      WithResponse<PhotoAvatarLook>
    >();
    expectTypeOf<WithResponse<PhotoAvatarLook>["requestId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<WithResponse<PhotoAvatarLook>["response"]>().toEqualTypeOf<Response>();
    // @ts-expect-error the id is a string
    heygen.photoAvatars.get({ id: "l" });
  });

  it("addLooks takes the generated request body and returns every look", () => {
    const r = heygen.photoAvatars.addLooks({ group_id: "g", image_keys: ["a"], name: "n" });
    expectTypeOf(r).resolves.toEqualTypeOf<{ photo_avatar_list: PhotoAvatarLook[] }>();
    heygen.photoAvatars.addLooks({ group_id: "g", image_keys: [], name: "n", generation_id: "x" });
    // @ts-expect-error name is required
    heygen.photoAvatars.addLooks({ group_id: "g", image_keys: ["a"] });
    // @ts-expect-error image_keys are strings
    heygen.photoAvatars.addLooks({ group_id: "g", image_keys: [1], name: "n" });
  });

  it("waitUntilReady resolves a look and takes wait options", () => {
    const w = heygen.photoAvatars.waitUntilReady("l", { intervalMs: 1, timeoutMs: 2 });
    expectTypeOf(w).resolves.toEqualTypeOf<PhotoAvatarLook>();
    // @ts-expect-error maxRetries is not a wait option
    heygen.photoAvatars.waitUntilReady("l", { maxRetries: 1 });
  });
});

describe("raw clients and errors", () => {
  it("raw.v2 and raw.v3 are typed with the generated paths", async () => {
    const { data } = await heygen.raw.v3.GET("/v3/avatars", { params: { query: { limit: 5 } } });
    expectTypeOf(data).toEqualTypeOf<
      { data: AvatarGroup[]; has_more: boolean; next_token: string | null } | undefined
    >();
    const v2 = await heygen.raw.v2.GET("/v2/photo_avatar/{id}", { params: { path: { id: "x" } } });
    expectTypeOf(v2.data?.data).toEqualTypeOf<PhotoAvatarLook | undefined>();
    // @ts-expect-error a v2 path is not on the v3 client
    heygen.raw.v3.GET("/v2/photo_avatar/{id}", { params: { path: { id: "x" } } });
  });

  it("RateLimitError carries the parsed delay", () => {
    expectTypeOf<RateLimitError["retryAfterMs"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RateLimitError["status"]>().toEqualTypeOf<number>();
  });

  it("HeyGenHookError is a HeyGenError whose cause is whatever the hook threw", () => {
    expectTypeOf<HeyGenHookError>().toExtend<HeyGenError>();
    expectTypeOf<HeyGenHookError["cause"]>().toEqualTypeOf<unknown>();
  });
});
