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

/**
 * The same bare server, answering every request with one fixed body, but on its own thread: the
 * callers measured against it then have the main event loop to themselves, as they would against
 * a real server, and the server's work stops adding noise to their times.
 * @param {Buffer} body
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startLoopbackServerThread(body, headers = {}) {
  const { Worker } = await import("node:worker_threads");
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    const { createServer } = require("node:http");
    const body = Buffer.from(workerData.body);
    const head = { "content-type": "application/json", "content-length": body.byteLength, ...workerData.headers };
    const server = createServer((req, res) => { req.resume(); res.writeHead(200, head); res.end(body); });
    server.keepAliveTimeout = 30000;
    server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
    parentPort.on("message", () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
  `;
  const worker = new Worker(source, {
    eval: true,
    workerData: { body: new Uint8Array(body), headers },
  });
  const port = await new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      worker.postMessage("close");
      await new Promise((resolve) => worker.once("exit", resolve));
    },
  };
}
