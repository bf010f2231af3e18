// Issue 12's end-to-end flow, through the client against the fake over HTTP: upload an asset,
// make a video of it, let the fake complete it, receive the signed avatar_video.success on a real
// receiver on 127.0.0.1 and check it with verifyWebhook, and see waitUntilDone resolve with the
// video_url.
import { createFakeHeyGen, type FakeHeyGen } from "@heygen-openapi/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  createHeyGenClient,
  isWebhookEvent,
  JobFailedError,
  parseWebhookEvent,
  verifyWebhook,
  WebhookVerificationError,
} from "../../src/index.js";
import { KEY } from "../support/client.js";
import { type Received, startServer } from "../support/server.js";

/** A tiny PNG, as a user's image upload. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000a49444154789c6300010000050001",
  "hex",
);

/** A real webhook receiver on 127.0.0.1 that keeps every delivery with its raw body. */
const startReceiver = () =>
  startServer((_req, res) => {
    res.writeHead(204).end();
  });

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setup() {
  const fake: FakeHeyGen = await createFakeHeyGen({ apiKey: KEY, seed: 3 });
  await fake.listen();
  closers.push(async () => {
    await fake.close();
    expect(fake.violations).toEqual([]);
    fake.assertNoUnmatched();
  });
  const receiver = await startReceiver();
  closers.push(receiver.close);
  const heygen = createHeyGenClient({ apiKey: KEY, baseUrl: fake.url });
  return { fake, receiver, heygen };
}

describe("upload, video, webhook, wait", () => {
  it("a video made from an uploaded image completes, is announced by a signed webhook, and waitUntilDone gives its video_url", async () => {
    const { fake, receiver, heygen } = await setup();
    const endpoint = await heygen.webhooks.endpoints.create({
      url: `${receiver.url}/heygen`,
      events: ["avatar_video.success", "avatar_video.fail"],
    });
    expect(endpoint.secret).toMatch(/^whsec_/);

    const asset = await heygen.assets.upload(new Uint8Array(PNG), {
      filename: "face.png",
      contentType: "image/png",
    });
    expect(asset.asset_id).toBeTruthy();

    const created = await heygen.videos.create(
      {
        type: "image",
        image: { type: "asset_id", asset_id: asset.asset_id },
        script: "Hello from the fake.",
        title: "End to end",
      },
      { idempotencyKey: "e2e-video-1" },
    );
    const progress: string[] = [];
    const video = await heygen.videos.waitUntilDone(created.video_id, {
      intervalMs: 1,
      onProgress: (v) => progress.push(v.status),
    });
    expect(video.status).toBe("completed");
    expect(video.video_url).toMatch(/^https:\/\/.+\.mp4$/);
    expect(progress.at(-1)).toBe("completed");
    expect(progress.length).toBeGreaterThan(1);

    const [delivery] = await fake.waitForDeliveries(1);
    expect(delivery).toMatchObject({ eventType: "avatar_video.success", delivered: true });
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0] as Received;
    expect(got.url).toBe("/heygen");
    const verified = verifyWebhook(got.bytes, got.headers, endpoint.secret as string);
    expect(verified.id).toBe(delivery?.webhookId);
    const event = parseWebhookEvent(got.bytes);
    expect(isWebhookEvent(event, "avatar_video.success")).toBe(true);
    if (isWebhookEvent(event, "avatar_video.success")) {
      expect(event.event_data).toMatchObject({ video_id: created.video_id, url: video.video_url });
    }
    // a delivery signed with another secret, or altered, is refused
    expect(() =>
      verifyWebhook(got.bytes, got.headers, `whsec_${Buffer.from("other").toString("base64")}`),
    ).toThrow(WebhookVerificationError);
    expect(() =>
      verifyWebhook(
        Buffer.concat([got.bytes, Buffer.from(" ")]),
        got.headers,
        endpoint.secret as string,
      ),
    ).toThrow(WebhookVerificationError);
    // what was sent is listed, and the video is in the list
    const events = await heygen.webhooks.events.list({ event_type: "avatar_video.success" });
    expect(events.data).toHaveLength(1);
    const ids: string[] = [];
    for await (const v of heygen.videos.list({ limit: 1 })) ids.push(v.id);
    expect(ids).toContain(created.video_id);
  });

  it("a failed video rejects waitUntilDone with JobFailedError and is announced as avatar_video.fail", async () => {
    const { fake, receiver, heygen } = await setup();
    const endpoint = await heygen.webhooks.endpoints.create({
      url: receiver.url,
      events: ["avatar_video.fail"],
    });
    const { video_id } = await heygen.videos.create({
      type: "avatar",
      avatar_id: "avatar_1",
      script: "Hi",
    });
    fake.jobs.fail(video_id, { code: "MODERATION", message: "The script was rejected." });
    const e = await heygen.videos.waitUntilDone(video_id, { intervalMs: 1 }).then(
      () => undefined,
      (x: JobFailedError) => x,
    );
    expect(e).toBeInstanceOf(JobFailedError);
    expect([e?.failureCode, e?.failureMessage]).toEqual(["MODERATION", "The script was rejected."]);
    expect(e?.message).toContain("MODERATION: The script was rejected.");
    const [delivery] = await fake.waitForDeliveries(1);
    expect(delivery?.eventType).toBe("avatar_video.fail");
    const got = receiver.received[0] as Received;
    expect(verifyWebhook(got.bytes, got.headers, endpoint.secret as string).id).toBe(
      delivery?.webhookId,
    );
  });

  it("a retried create with an idempotency key makes one video", async () => {
    const { fake, heygen } = await setup();
    fake.inject({ status: 503, times: 1 });
    const body = { type: "avatar", avatar_id: "avatar_1", script: "Once" } as const;
    const a = await createHeyGenClient({
      apiKey: KEY,
      baseUrl: fake.url,
      retryBaseDelayMs: 1,
    }).videos.create(body, { idempotencyKey: "order-42" });
    const b = await heygen.videos.create(body, { idempotencyKey: "order-42" });
    expect(b.video_id).toBe(a.video_id);
    expect(fake.jobs.list("video")).toHaveLength(1);
    const posts = fake.requests.filter((r) => r.method === "POST" && r.path === "/v3/videos");
    expect(posts.map((r) => [r.status, r.headers["idempotency-key"]])).toEqual([
      [503, "order-42"],
      [200, "order-42"],
      [200, "order-42"],
    ]);
  });
});
