// A scriptable HTTP server, only for what the fake HeyGen (`./fake.ts`) cannot send: redirects,
// Retry-After as a date or in ms, statuses HeyGen does not document, bodies that break the spec,
// key echoes, looping pagination. Everything HeyGen does is tested against the fake.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the test server received it, body read in full. */
export interface Received {
  method: string;
  /** Path and query exactly as sent (still percent-encoded). */
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** The body's bytes, for binary (multipart) bodies. */
  bytes: Buffer;
}

/** Decides the answer to the `n`-th request (0-based); may write anything or destroy the socket. */
export type Handler = (
  req: Received,
  res: ServerResponse,
  n: number,
  raw: IncomingMessage,
) => unknown;

/** A running test server on 127.0.0.1 and an ephemeral port. */
export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/**
 * Starts a tiny HTTP server on 127.0.0.1:0 that records every request and lets the test script
 * each answer. `close()` also drops kept-alive and hanging connections, so no test leaks a socket.
 */
export async function startServer(handler: Handler): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer(async (raw, res) => {
    const chunks: Buffer[] = [];
    for await (const c of raw) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const req: Received = {
      method: raw.method ?? "",
      url: raw.url ?? "",
      headers: raw.headers,
      body: bytes.toString("utf8"),
      bytes,
    };
    const n = received.push(req) - 1;
    try {
      await handler(req, res, n, raw);
    } catch (e) {
      res.statusCode = 599;
      res.end(String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON answer. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** A URL on 127.0.0.1 where nothing listens: connecting to it is refused. */
export async function refusedUrl(): Promise<string> {
  const s = await startServer(() => {});
  await s.close();
  return s.url;
}

/** A v2 look in the shape the spec documents. */
export function look(id: string, status = "completed", extra: Record<string, unknown> = {}) {
  return {
    id,
    image_url: `https://files.example/${id}.png`,
    created_at: 1_700_000_000.5,
    name: `look ${id}`,
    status,
    group_id: "group_1",
    is_motion: false,
    motion_preview_url: null,
    business_type: "uploaded",
    upscale_availability: { available: false, reason: "already upscaled" },
    upscaled: true,
    background_sound_effect: null,
    default_voice_id: null,
    moderation_msg: null,
    ...extra,
  };
}

/** A v3 avatar group in the shape the spec documents. */
export function group(id: string) {
  return { id, name: `group ${id}`, created_at: 1_700_000_000, looks_count: 2 };
}

/** Writes a redirect to `location`. */
export function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location });
  res.end();
}
