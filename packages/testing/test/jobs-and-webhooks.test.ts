import {
  isWebhookEvent,
  parseWebhookEvent,
  verifyWebhook,
  WebhookVerificationError,
} from "@heygen-openapi/webhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFakeHeyGen, type FakeHeyGenOptions } from "../src/index.js";
import { PNG } from "./operation-requests.js";
import { startReceiver } from "./receiver.js";

const KEY = "k";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function open(options: FakeHeyGenOptions = {}) {
  const fake = await createFakeHeyGen({ apiKey: KEY, ...options });
  const url = await fake.listen();
  closers.push(() => fake.close());
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        "x-api-key": KEY,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      // biome-ignore lint/suspicious/noExplicitAny: the tests read many answers' fields; each is asserted
      body: JSON.parse(text) as Record<string, any>,
    };
  };
  return { fake, url, call };
}

async function receiver(status?: (n: number) => number) {
  const r = await startReceiver(status);
  closers.push(r.close);
  return r;
}

const VIDEO = { type: "avatar", avatar_id: "avatar_1", script: "Hello" };

describe("videos", () => {
  it("go waiting, pending, processing, then completed with their files, on reads", async () => {
    const { call, fake } = await open();
    const created = await call("POST", "/v3/videos", { ...VIDEO, title: "Launch" });
    expect(created.status).toBe(200);
    expect(created.body.data.status).toBe("waiting");
    const id = created.body.data.video_id as string;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) seen.push((await call("GET", `/v3/videos/${id}`)).body.data.status);
    expect(seen).toEqual(["pending", "processing", "completed"]);
    const done = (await call("GET", `/v3/videos/${id}`)).body.data;
    expect(done).toMatchObject({ id, title: "Launch", status: "completed", failure_code: null });
    expect(done.video_url).toMatch(/^https:\/\/.+\.mp4$/);
    expect(done.thumbnail_url).toMatch(/^https:\/\/.+\.jpg$/);
    expect(done.duration).toBeGreaterThan(0);
    expect(Number.isInteger(done.completed_at)).toBe(true);
    expect(done.completed_at).toBeGreaterThanOrEqual(done.created_at);
    expect(fake.violations).toEqual([]);
  });

  it("list newest first in cursor pages, and delete, then 404", async () => {
    const { call } = await open();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await call("POST", "/v3/videos", VIDEO)).body.data.video_id);
    const first = await call("GET", "/v3/videos?limit=2");
    expect(first.body.data.map((v: { id: string }) => v.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.has_more).toBe(true);
    const second = await call("GET", `/v3/videos?limit=2&token=${first.body.next_token}`);
    expect(second.body.data.map((v: { id: string }) => v.id)).toEqual([ids[0]]);
    expect(second.body).toMatchObject({ has_more: false, next_token: null });
    expect((await call("DELETE", `/v3/videos/${ids[0]}`)).body.data).toEqual({
      id: ids[0],
      deleted: true,
    });
    const gone = await call("GET", `/v3/videos/${ids[0]}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("video_not_found");
    expect((await call("GET", "/v3/videos?token=bogus")).body.error.param).toBe("token");
  });

  it("fail on fake.jobs.fail or by a rule given at creation", async () => {
    const { call, fake } = await open({
      jobs: {
        outcome: (job) =>
          (job.body as { title?: string }).title === "doomed"
            ? { failed: { code: "AVATAR_NOT_FOUND", message: "No such avatar" } }
            : "completed",
      },
    });
    const a = (await call("POST", "/v3/videos", VIDEO)).body.data.video_id;
    fake.jobs.fail(a, { code: "MODERATION", message: "The script was rejected." });
    expect((await call("GET", `/v3/videos/${a}`)).body.data).toMatchObject({
      status: "failed",
      failure_code: "MODERATION",
      failure_message: "The script was rejected.",
      video_url: null,
    });
    const b = (await call("POST", "/v3/videos", { ...VIDEO, title: "doomed" })).body.data.video_id;
    for (let i = 0; i < 2; i++) await call("GET", `/v3/videos/${b}`);
    expect((await call("GET", `/v3/videos/${b}`)).body.data).toMatchObject({
      status: "failed",
      failure_code: "AVATAR_NOT_FOUND",
    });
    expect(fake.jobs.get(b)).toMatchObject({ kind: "video", status: "failed", done: true });
    expect(() => fake.jobs.complete("nope")).toThrow(/no job with id "nope"/);
  });
});

describe("video translations and the other jobs", () => {
  it("create one translation per output language, each with its own lifecycle", async () => {
    const { call, fake } = await open({ jobs: { pendingReads: 0 } });
    const created = await call("POST", "/v3/video-translations", {
      video: { type: "url", url: "https://example.com/v.mp4" },
      output_languages: ["Spanish (Spain)", "French"],
      callback_id: "batch-1",
    });
    const ids = created.body.data.video_translation_ids as string[];
    expect(ids).toHaveLength(2);
    const read = await Promise.all(
      ids.map(async (id) => (await call("GET", `/v3/video-translations/${id}`)).body.data),
    );
    expect(read.map((t) => [t.output_language, t.status, t.callback_id])).toEqual([
      ["Spanish (Spain)", "completed", "batch-1"],
      ["French", "completed", "batch-1"],
    ]);
    expect(read[0].video_url).toMatch(/^https:/);
    expect(fake.jobs.list("video_translation")).toHaveLength(2);
  });

  it("run proofreads, lipsyncs and video-agent sessions to their end", async () => {
    const { call, fake } = await open({ jobs: { pendingReads: 1 } });
    const proofread = (
      await call("POST", "/v3/video-translations/proofreads", {
        video: { type: "url", url: "https://example.com/v.mp4" },
        output_languages: ["es"],
        title: "P",
      })
    ).body.data;
    expect(proofread.status).toBe("processing");
    const lipsync = (
      await call("POST", "/v3/lipsyncs", {
        video: { type: "url", url: "https://example.com/v.mp4" },
        audio: { type: "url", url: "https://example.com/a.mp3" },
      })
    ).body.data.lipsync_id;
    const session = (
      await call("POST", "/v3/video-agents/sessions", { prompt: "Explain our product" })
    ).body.data.session_id;
    const reads = async (path: string) => {
      const statuses: string[] = [];
      for (let i = 0; i < 2; i++) statuses.push((await call("GET", path)).body.data.status);
      return statuses;
    };
    expect(await reads(`/v3/video-translations/proofreads/${proofread.proofread_ids[0]}`)).toEqual([
      "processing",
      "completed",
    ]);
    expect(await reads(`/v3/lipsyncs/${lipsync}`)).toEqual(["running", "completed"]);
    expect(await reads(`/v3/video-agents/sessions/${session}`)).toEqual([
      "generating",
      "completed",
    ]);
    expect((await call("GET", `/v3/video-agents/sessions/${session}`)).body.data.video_id).toMatch(
      /^[0-9a-f]{32}$/,
    );
    expect(fake.violations).toEqual([]);
  });
});

describe("assets", () => {
  const upload = (url: string, bytes: Buffer, name = "file.bin") => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)]), name);
    return fetch(`${url}/v3/assets`, { method: "POST", headers: { "x-api-key": KEY }, body: form });
  };

  it("parse the multipart upload; size and MIME type come from the bytes", async () => {
    const { url, fake } = await open();
    const response = await upload(url, PNG, "photo.jpg");
    const { data } = (await response.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({ mime_type: "image/png", size_bytes: PNG.length });
    expect(data.asset_id).toMatch(/^[0-9a-f]{32}$/);
    expect(data.url).toMatch(/\.png$/);
    expect(fake.assets.map((a) => a.filename)).toEqual(["photo.jpg"]);
    const pdf = await upload(url, Buffer.from("%PDF-1.7\n..."));
    expect(((await pdf.json()) as { data: { mime_type: string } }).data.mime_type).toBe(
      "application/pdf",
    );
  });

  it("refuse more than 32 MB, unknown types and a body without a file, naming file", async () => {
    const { url, call } = await open();
    const big = Buffer.alloc(32 * 1024 * 1024 + 1);
    PNG.copy(big);
    for (const bytes of [big, Buffer.from("just text")]) {
      const response = await upload(url, bytes);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { param: string } }).error.param).toBe("file");
    }
    expect((await call("POST", "/v3/assets", { file: "x" })).body.error.message).toMatch(
      /multipart/,
    );
  });

  it("are accepted wherever an asset_id is taken; an unknown one is a 400 naming the field", async () => {
    const { url, call } = await open();
    const asset = ((await (await upload(url, PNG)).json()) as { data: { asset_id: string } }).data;
    const ok = await call("POST", "/v3/video-translations", {
      video: { type: "asset_id", asset_id: asset.asset_id },
      output_languages: ["German"],
    });
    expect(ok.status).toBe(200);
    const bad = await call("POST", "/v3/lipsyncs", {
      video: { type: "asset_id", asset_id: asset.asset_id },
      audio: { type: "asset_id", asset_id: "nope" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_parameter", param: "audio.asset_id" });
    const video = await call("POST", "/v3/videos", { ...VIDEO, audio_asset_id: "missing" });
    expect(video.body.error.param).toBe("audio_asset_id");
  });
});

describe("webhook endpoints", () => {
  it("show the whsec_ secret only on create and rotate; take http:// on loopback only", async () => {
    const { call } = await open();
    const created = (
      await call("POST", "/v3/webhooks/endpoints", {
        url: "http://127.0.0.1:9/hook",
        events: ["avatar_video.success"],
      })
    ).body.data;
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(created).toMatchObject({ status: "enabled", events: ["avatar_video.success"] });
    expect(created.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const listed = (await call("GET", "/v3/webhooks/endpoints")).body.data;
    expect(listed).toEqual([{ ...created, secret: null }]);
    const rotated = (
      await call("POST", `/v3/webhooks/endpoints/${created.endpoint_id}/rotate-secret`)
    ).body.data;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    for (const url of ["http://example.com/hook", "ftp://127.0.0.1/x", "not a url"]) {
      const refused = await call("POST", "/v3/webhooks/endpoints", { url });
      expect(refused.status).toBe(400);
      expect(refused.body.error.param).toBe("url");
    }
    expect(
      (await call("POST", "/v3/webhooks/endpoints", { url: "http://localhost:1/h" })).status,
    ).toBe(200);
    expect((await call("POST", "/v3/webhooks/endpoints", { url: "http://[::1]:1/h" })).status).toBe(
      200,
    );
    expect(
      (await call("POST", "/v3/webhooks/endpoints", { url: "https://example.com/h" })).status,
    ).toBe(200);
  });

  it("update replaces events; delete, then 404", async () => {
    const { call } = await open();
    const { endpoint_id } = (
      await call("POST", "/v3/webhooks/endpoints", {
        url: "https://example.com/h",
        events: ["avatar_video.success"],
      })
    ).body.data;
    const updated = (
      await call("PATCH", `/v3/webhooks/endpoints/${endpoint_id}`, {
        events: ["video_translate.fail"],
      })
    ).body.data;
    expect(updated).toMatchObject({ events: ["video_translate.fail"], secret: null });
    expect((await call("DELETE", `/v3/webhooks/endpoints/${endpoint_id}`)).status).toBe(200);
    for (const [method, path] of [
      ["DELETE", `/v3/webhooks/endpoints/${endpoint_id}`],
      ["PATCH", `/v3/webhooks/endpoints/${endpoint_id}`],
      ["POST", `/v3/webhooks/endpoints/${endpoint_id}/rotate-secret`],
    ] as const) {
      const response = await call(method, path, method === "PATCH" ? { events: null } : undefined);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("webhook_endpoint_not_found");
    }
  });

  it("get a signed avatar_video.success that verifyWebhook accepts when a video completes", async () => {
    const hook = await receiver();
    const { call, fake } = await open();
    const { secret } = (await call("POST", "/v3/webhooks/endpoints", { url: `${hook.url}/heygen` }))
      .body.data;
    const { video_id } = (await call("POST", "/v3/videos", { ...VIDEO, callback_id: "order-7" }))
      .body.data;
    fake.jobs.complete(video_id);
    const [delivery] = await fake.waitForDeliveries(1);
    expect(delivery).toMatchObject({
      eventType: "avatar_video.success",
      delivered: true,
      attempts: [{ status: 200, error: null }],
    });
    expect(hook.received).toHaveLength(1);
    const got = hook.received[0]!;
    expect(got.path).toBe("/heygen");
    expect(verifyWebhook(got.body, got.headers, secret).id).toBe(delivery!.webhookId);
    const event = parseWebhookEvent(got.body);
    const video = (await call("GET", `/v3/videos/${video_id}`)).body.data;
    expect(isWebhookEvent(event, "avatar_video.success") && event.event_data).toEqual({
      video_id,
      url: video.video_url,
      callback_id: "order-7",
    });
    const listed = (await call("GET", "/v3/webhooks/events?event_type=avatar_video.success")).body;
    expect(listed.data).toEqual([JSON.parse(got.body.toString())]);
    expect(
      (await call("GET", "/v3/webhooks/events?event_type=avatar_video.fail")).body.data,
    ).toEqual([]);
  });

  it("are retried on a non-2xx answer with the same webhook-id and a fresh signature", async () => {
    const hook = await receiver((n) => (n === 1 ? 503 : 204));
    const { call, fake } = await open();
    const { secret } = (await call("POST", "/v3/webhooks/endpoints", { url: hook.url })).body.data;
    fake.jobs.fail((await call("POST", "/v3/videos", VIDEO)).body.data.video_id, {
      message: "Render error",
    });
    const [delivery] = await fake.waitForDeliveries(1);
    expect(delivery!.attempts.map((a) => a.status)).toEqual([503, 204]);
    expect(delivery!.delivered).toBe(true);
    expect(hook.received.map((r) => r.headers["webhook-id"])).toEqual([
      delivery!.webhookId,
      delivery!.webhookId,
    ]);
    for (const r of hook.received) verifyWebhook(r.body, r.headers, secret);
    const event = parseWebhookEvent(hook.received[1]!.body);
    expect(isWebhookEvent(event, "avatar_video.fail") && event.event_data.msg).toBe("Render error");
  });

  it("give up after the last retry and record every attempt", async () => {
    const hook = await receiver(() => 500);
    const { call, fake } = await open({ webhooks: { retryDelaysMs: [1, 1] } });
    await call("POST", "/v3/webhooks/endpoints", { url: hook.url });
    fake.jobs.complete((await call("POST", "/v3/videos", VIDEO)).body.data.video_id);
    const [delivery] = await fake.waitForDeliveries(1);
    expect(delivery).toMatchObject({
      delivered: false,
      attempts: [{ status: 500 }, { status: 500 }, { status: 500 }],
    });
  });

  it("are signed with the new secret at once after a rotation; the old one no longer verifies", async () => {
    const hook = await receiver();
    const { call, fake } = await open();
    const { endpoint_id, secret: old } = (
      await call("POST", "/v3/webhooks/endpoints", { url: hook.url })
    ).body.data;
    const { secret } = (await call("POST", `/v3/webhooks/endpoints/${endpoint_id}/rotate-secret`))
      .body.data;
    fake.jobs.complete((await call("POST", "/v3/videos", VIDEO)).body.data.video_id);
    await fake.waitForDeliveries(1);
    const got = hook.received[0]!;
    expect(verifyWebhook(got.body, got.headers, [old, secret]).id).toBeTruthy();
    expect(() => verifyWebhook(got.body, got.headers, old)).toThrow(WebhookVerificationError);
    expect(fake.webhookEndpoints[0]!.secret).toBe(secret);
  });

  it("go only to endpoints subscribed to the event, and never off the machine", async () => {
    const hook = await receiver();
    const { call, fake } = await open();
    await call("POST", "/v3/webhooks/endpoints", { url: hook.url, events: ["avatar_video.fail"] });
    await call("POST", "/v3/webhooks/endpoints", {
      url: "https://example.com/hook",
      events: ["avatar_video.fail"],
    });
    fake.jobs.complete((await call("POST", "/v3/videos", VIDEO)).body.data.video_id);
    fake.jobs.fail((await call("POST", "/v3/videos", VIDEO)).body.data.video_id);
    const deliveries = await fake.waitForDeliveries(2);
    expect(
      deliveries.map((d) => [
        d.eventType,
        d.url.startsWith("https://example.com"),
        d.skipped !== null,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["avatar_video.fail", true, true],
        ["avatar_video.fail", false, false],
      ]),
    );
    expect(hook.received).toHaveLength(1);
    expect(parseWebhookEvent(hook.received[0]!.body).event_type).toBe("avatar_video.fail");
  });

  it("are sent when a job ends by time, without a read", async () => {
    const hook = await receiver();
    const { call, fake } = await open({ jobs: { durationMs: 5 } });
    await call("POST", "/v3/webhooks/endpoints", {
      url: hook.url,
      events: ["video_translate.success"],
    });
    await call("POST", "/v3/video-translations", {
      video: { type: "url", url: "https://example.com/v.mp4" },
      output_languages: ["Spanish (Spain)", "Japanese"],
    });
    const deliveries = await fake.waitForDeliveries(2);
    const languages = hook.received.map((r) => {
      const event = parseWebhookEvent(r.body);
      return isWebhookEvent(event, "video_translate.success")
        ? event.event_data.output_language
        : null;
    });
    expect(languages.sort()).toEqual(["Japanese", "Spanish (Spain)"]);
    expect(deliveries.every((d) => d.delivered)).toBe(true);
  });
});

describe("callback_url", () => {
  it("gets the unsigned per-job callback with its callback_id", async () => {
    const hook = await receiver();
    const { call, fake } = await open();
    const { video_id } = (
      await call("POST", "/v3/videos", {
        ...VIDEO,
        callback_url: `${hook.url}/cb`,
        callback_id: "job-42",
      })
    ).body.data;
    fake.jobs.complete(video_id);
    const [callback] = await fake.waitForCallbacks(1);
    expect(callback).toMatchObject({ eventType: "avatar_video.success", delivered: true });
    const got = hook.received[0]!;
    expect(got.path).toBe("/cb");
    expect(got.headers["webhook-signature"]).toBeUndefined();
    expect(JSON.parse(got.body.toString())).toMatchObject({
      event_type: "avatar_video.success",
      event_data: { video_id, callback_id: "job-42" },
    });
    expect(fake.webhookDeliveries).toEqual([]);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer and creates nothing twice", async () => {
    const { call, fake } = await open();
    const headers = { "idempotency-key": "order-1:create.video" };
    const first = await call("POST", "/v3/videos", VIDEO, headers);
    const second = await call("POST", "/v3/videos", VIDEO, headers);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(fake.jobs.list("video")).toHaveLength(1);
    const other = await call("POST", "/v3/videos", VIDEO, { "idempotency-key": "order-2" });
    expect(other.body.data.video_id).not.toBe(first.body.data.video_id);
  });

  it("answers 409 request_in_progress while the first call is in flight", async () => {
    const { url, call, fake } = await open();
    fake.inject({ kind: "latency", ms: 600_000, operationId: "createVideo" });
    const first = new AbortController();
    const pending = fetch(`${url}/v3/videos`, {
      method: "POST",
      headers: {
        "x-api-key": KEY,
        "content-type": "application/json",
        "idempotency-key": "slow-1",
      },
      body: JSON.stringify(VIDEO),
      signal: first.signal,
    }).catch((error: unknown) => error);
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    const busy = await call("POST", "/v3/videos", VIDEO, { "idempotency-key": "slow-1" });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe("request_in_progress");
    first.abort();
    await pending;
    await vi.waitFor(async () =>
      expect(
        (await call("POST", "/v3/videos", VIDEO, { "idempotency-key": "slow-1" })).status,
      ).toBe(200),
    );
    expect(fake.jobs.list("video")).toHaveLength(1);
  });

  it("refuses a malformed key with a 400 naming it", async () => {
    const { call } = await open();
    for (const key of ["has space", "x".repeat(256), "semi;colon", "slash/ed"]) {
      const response = await call("POST", "/v3/videos", VIDEO, { "idempotency-key": key });
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe("Idempotency-Key");
    }
  });
});
