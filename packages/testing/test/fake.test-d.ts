import type {
  AvatarGroup as GeneratedGroup,
  PhotoAvatarLook as GeneratedLook,
} from "@heygen-openapi/types";
import type { HttpHandler } from "msw";
import { setupServer } from "msw/node";
import { describe, expectTypeOf, it } from "vitest";
import {
  createFakeHeyGen,
  createFixtures,
  type FakeHeyGen,
  type FaultSpec,
  type RecordedRequest,
  type StoredGroup,
} from "../src/index.js";

declare const fake: FakeHeyGen;

describe("public types", () => {
  it("createFakeHeyGen resolves to a FakeHeyGen", () => {
    expectTypeOf(createFakeHeyGen).returns.resolves.toEqualTypeOf<FakeHeyGen>();
  });

  it("exposes fetch, msw handlers that setupServer accepts, and the request log", () => {
    expectTypeOf(fake.fetch).toEqualTypeOf<typeof fetch>();
    expectTypeOf(fake.handlers).toEqualTypeOf<HttpHandler[]>();
    setupServer(...fake.handlers);
    expectTypeOf(fake.requests).toEqualTypeOf<readonly RecordedRequest[]>();
  });

  it("types state and fixtures with the generated types", () => {
    expectTypeOf(fake.state.group("id")).toEqualTypeOf<StoredGroup | undefined>();
    expectTypeOf<StoredGroup>().toExtend<GeneratedGroup>();
    expectTypeOf(fake.state.look("id")).toEqualTypeOf<GeneratedLook | undefined>();
    expectTypeOf(createFixtures().avatarGroup()).toEqualTypeOf<GeneratedGroup>();
    expectTypeOf(createFixtures().photoAvatarLook()).toEqualTypeOf<GeneratedLook>();
    // @ts-expect-error looks_count is derived from the looks
    fake.state.updateGroup("id", { looks_count: 2 });
    // @ts-expect-error not an outcome
    fake.state.settleLook("id", "pending");
  });

  it("accepts the fault shapes of the contract and rejects others", () => {
    fake.inject({ status: 429, retryAfter: 1, times: 1 });
    fake.inject({ status: 503, operationId: "listAvatarGroups", rate: 0.5 });
    fake.inject({ kind: "latency", ms: 10, route: "GET /v3/avatars" });
    fake.inject({ kind: "hang" });
    // @ts-expect-error latency needs ms
    fake.inject({ kind: "latency" });
    // @ts-expect-error unknown operationId
    fake.inject({ status: 500, operationId: "listAvatars" });
    // @ts-expect-error a hang has no ms
    fake.inject({ kind: "hang", ms: 5 });
    expectTypeOf<{ status: 500 }>().toExtend<FaultSpec>();
  });

  it("types fake.handler per operation from paths", () => {
    fake.handler("GET /v3/videos/{video_id}", ({ params }) => {
      expectTypeOf(params.video_id).toEqualTypeOf<string>();
      return { status: 200, body: { data: { id: params.video_id, status: "completed" } } };
    });
    fake.handler("POST /v3/videos", ({ body }) => {
      expectTypeOf(body).not.toBeAny();
      return { status: 200, body: { data: { video_id: "v", status: "waiting" } } };
    });
    // @ts-expect-error a status the operation does not declare
    fake.handler("GET /v3/videos/{video_id}", () => ({ status: 201, body: {} }));
    // @ts-expect-error the 200 body of another operation
    fake.handler("GET /v3/users/me", () => ({ status: 200, body: { data: { video_id: "v" } } }));
    // @ts-expect-error no such operation
    fake.handler("GET /v3/holograms", () => ({ status: 200, body: {} }));
    expectTypeOf(
      fake.handler("GET /v3/users/me", () => ({
        status: 429,
        body: { error: { code: "x", message: "y" } },
      })),
    ).toEqualTypeOf<HttpHandler>();
  });
});
