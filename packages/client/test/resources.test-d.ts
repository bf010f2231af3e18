// The contract of issue 11, in types: every resource takes the generated operation's path
// parameters, query and body, resolves to the generated `data`, and rejects at compile time a
// path, parameter or field the spec does not define.
import type {
  Asset,
  Lipsync,
  OperationTypes,
  Proofread,
  User,
  Video,
  VideoAgentSession,
  VideoTranslation,
  Voice,
  WebhookEndpoint,
  WebhookEvent,
} from "@heygen-openapi/types";
import type { paths } from "@heygen-openapi/types/v3";
import { describe, expectTypeOf, it } from "vitest";
import {
  type APIPromise,
  createHeyGenCore,
  type Data,
  type HeyGenClient,
  type JobFailedError,
  type PagePromise,
  parseWebhookEvent,
  verifyWebhook,
  videos,
} from "../src/index.js";

declare const heygen: HeyGenClient;
type Json<K extends keyof OperationTypes> =
  OperationTypes[K]["responses"][200]["content"]["application/json"];

describe("videos", () => {
  it("create takes the generated body and resolves to its data", () => {
    const created = heygen.videos.create({ type: "avatar", avatar_id: "a", script: "Hi" });
    expectTypeOf(created).toEqualTypeOf<APIPromise<Json<"POST /v3/videos">["data"]>>();
    expectTypeOf(created).resolves.toHaveProperty("video_id");
    heygen.videos.create({
      type: "image",
      image: { type: "asset_id", asset_id: "as" },
      script: "Hi",
    });
    // @ts-expect-error a field the spec does not define
    heygen.videos.create({ type: "avatar", avatar_id: "a", script: "Hi", colour: "red" });
    // @ts-expect-error type is "avatar" | "image"
    heygen.videos.create({ type: "cartoon", avatar_id: "a", script: "Hi" });
    // @ts-expect-error the body is required
    heygen.videos.create();
  });

  it("get, list, delete and waitUntilDone are typed by the generated operations", () => {
    expectTypeOf(heygen.videos.get("v")).resolves.toEqualTypeOf<Video>();
    expectTypeOf(heygen.videos.get("v")).resolves.toEqualTypeOf<
      paths["/v3/videos/{video_id}"]["get"]["responses"][200]["content"]["application/json"]["data"]
    >();
    expectTypeOf(heygen.videos.list()).toEqualTypeOf<
      PagePromise<Json<"GET /v3/videos">["data"][number]>
    >();
    heygen.videos.list({ limit: 5, token: "t", title: "x" });
    // @ts-expect-error a query parameter the spec does not define
    heygen.videos.list({ page: 2 });
    // @ts-expect-error limit is a number
    heygen.videos.list({ limit: "5" });
    expectTypeOf(heygen.videos.delete("v")).resolves.toEqualTypeOf<
      Data<"DELETE /v3/videos/{video_id}">
    >();
    expectTypeOf(heygen.videos.waitUntilDone("v")).resolves.toEqualTypeOf<Video>();
    heygen.videos.waitUntilDone("v", {
      intervalMs: 1,
      timeoutMs: 2,
      signal: AbortSignal.timeout(1),
      onProgress: (v) => expectTypeOf(v.status).toEqualTypeOf<Video["status"]>(),
    });
    // @ts-expect-error the id is a string
    heygen.videos.get(1);
    // @ts-expect-error unknown wait option
    heygen.videos.waitUntilDone("v", { pollMs: 1 });
  });

  it("a resource built on the core alone is the same resource", () => {
    expectTypeOf(videos(createHeyGenCore())).toEqualTypeOf<HeyGenClient["videos"]>();
  });
});

describe("the other resources", () => {
  it("resolve to the generated entities", () => {
    expectTypeOf(heygen.assets.upload(new Blob([]))).resolves.toEqualTypeOf<Asset>();
    expectTypeOf(heygen.voices.list()).toEqualTypeOf<PagePromise<Voice>>();
    expectTypeOf(heygen.webhooks.endpoints.list()).toEqualTypeOf<PagePromise<WebhookEndpoint>>();
    expectTypeOf(heygen.webhooks.events.list()).toEqualTypeOf<PagePromise<WebhookEvent>>();
    expectTypeOf(heygen.lipsyncs.get("l")).resolves.toEqualTypeOf<Lipsync>();
    expectTypeOf(heygen.videoTranslations.get("t")).resolves.toEqualTypeOf<VideoTranslation>();
    expectTypeOf(heygen.videoTranslations.proofreads.get("p")).resolves.toEqualTypeOf<Proofread>();
    expectTypeOf(heygen.videoAgents.sessions.get("s")).resolves.toEqualTypeOf<VideoAgentSession>();
    expectTypeOf(heygen.users.me()).resolves.toEqualTypeOf<User>();
  });

  it("refuse what the spec does not define", () => {
    // @ts-expect-error events are the spec's WebhookEventType values
    heygen.webhooks.endpoints.create({ url: "https://x", events: ["video.done"] });
    // @ts-expect-error update needs the endpoint id
    heygen.webhooks.endpoints.update({ events: [] });
    // @ts-expect-error a query parameter of another list
    heygen.voices.list({ ownership: "private" });
    // @ts-expect-error uploads take bytes, not a path
    heygen.assets.upload("face.png");
    // @ts-expect-error a look update has no such field
    heygen.avatars.looks.update("lk", { colour: "red" });
    // @ts-expect-error no such resource
    heygen.workflows.list();
    // @ts-expect-error idempotencyKey is a string
    heygen.lipsyncs.delete("l", { idempotencyKey: 5 });
  });

  it("the raw clients are typed by the same paths", async () => {
    const { data } = await heygen.raw.v3.GET("/v3/videos/{video_id}", {
      params: { path: { video_id: "v" } },
    });
    expectTypeOf(data).toEqualTypeOf<Json<"GET /v3/videos/{video_id}"> | undefined>();
    // @ts-expect-error a path the spec does not define
    heygen.raw.v3.GET("/v3/video/{video_id}", { params: { path: { video_id: "v" } } });
    // @ts-expect-error a wrong path parameter
    heygen.raw.v3.GET("/v3/videos/{video_id}", { params: { path: { id: "v" } } });
  });
});

describe("errors and webhooks", () => {
  it("JobFailedError carries the job, its code and message", () => {
    expectTypeOf<JobFailedError["failureCode"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<JobFailedError["failureMessage"]>().toEqualTypeOf<string | undefined>();
  });

  it("verifyWebhook and parseWebhookEvent are re-exported", () => {
    expectTypeOf(verifyWebhook).parameter(2).toEqualTypeOf<string | readonly string[]>();
    expectTypeOf(parseWebhookEvent).toBeFunction();
  });
});
