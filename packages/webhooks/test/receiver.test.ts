import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import {
  isWebhookEvent,
  parseWebhookEvent,
  signWebhook,
  verifyWebhook,
  WebhookVerificationError,
} from "../src/index.js";

const SECRET = "whsec_dGhpcyBpcyBhIHRlc3Qgc2VjcmV0IG9mIDMyIGJ5dGVzISE=";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A real receiver on 127.0.0.1 that verifies with Node's own headers object and raw bytes. */
async function receiver(): Promise<{ url: string; seen: { status: number; videoUrl?: string }[] }> {
  const seen: { status: number; videoUrl?: string }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    try {
      verifyWebhook(raw, req.headers as IncomingHttpHeaders, SECRET);
      const event = parseWebhookEvent(raw);
      const videoUrl = isWebhookEvent(event, "avatar_video.success")
        ? event.event_data.url
        : undefined;
      seen.push({ status: 204, videoUrl });
      res.writeHead(204).end();
    } catch (error) {
      const status = error instanceof WebhookVerificationError ? 401 : 500;
      seen.push({ status });
      res.writeHead(status).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, seen };
}

it("a real receiver accepts a signed delivery and refuses a tampered one", async () => {
  const { url, seen } = await receiver();
  const body = JSON.stringify({
    event_type: "avatar_video.success",
    event_data: { video_id: "v_1", url: "https://files.example/v_1.mp4", callback_id: "job-7" },
  });
  const headers = signWebhook({ secret: SECRET, id: "msg_1", timestamp: new Date(), body });
  const ok = await fetch(url, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body,
  });
  expect(ok.status).toBe(204);
  const tampered = await fetch(url, {
    method: "POST",
    headers,
    body: body.replace("v_1.mp4", "evil.mp4"),
  });
  expect(tampered.status).toBe(401);
  expect(seen).toEqual([
    { status: 204, videoUrl: "https://files.example/v_1.mp4" },
    { status: 401 },
  ]);
});
