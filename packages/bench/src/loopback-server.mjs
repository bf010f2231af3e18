import { createServer } from "node:http";

/**
 * A bare `node:http` server on 127.0.0.1 (random port) that answers every request with the
 * bytes `respond` picks: the baseline every transport is measured against.
 * @param {(req: import("node:http").IncomingMessage) => { status?: number, body: Buffer | string, headers?: Record<string, string> }} respond
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startLoopbackServer(respond) {
  const server = createServer((req, res) => {
    const { status = 200, body, headers = {} } = respond(req);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      ...headers,
    });
    res.end(body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/** One avatar group as HeyGen's v3 spec shows it: the body every request benchmark returns. */
export const GROUP = {
  id: "ag_abc123",
  name: "Anna",
  preview_image_url: "https://files.heygen.ai/avatar/anna_preview.jpg",
  preview_video_url: "https://files.heygen.ai/avatar/anna_preview.mp4",
  gender: "female",
  created_at: 1711929600,
  looks_count: 3,
  default_voice_id: "1bd001e7e50f421d891986aad5c8bbd2",
  consent_status: null,
  status: null,
};

/** The fixed bytes of `GET /v3/avatars/{group_id}` used by the loopback benchmarks. */
export const GROUP_BODY = Buffer.from(JSON.stringify({ data: GROUP }));
