import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Engine, EngineResponse } from "./engine.js";
import { closedError, type Lifecycle } from "./lifecycle.js";

/** A running HTTP server over one engine. */
export interface FakeHttpServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the engine over real HTTP on 127.0.0.1 and `port` (0: a random free port). Faults become what a client
 * would see on the wire: a reset is a TCP RST, a truncated body is cut after the headers
 * announced its full length, a hang keeps the socket open until the client gives up.
 */
export async function startHttpServer(
  engine: Engine,
  lifecycle: Lifecycle,
  port = 0,
): Promise<FakeHttpServer> {
  const server: Server = createServer((req, res) => {
    // The client went away or the fake closed mid-response; nothing is left to answer.
    const drop = () => res.destroy();
    try {
      serve(engine, lifecycle, req, res)?.catch(drop);
    } catch {
      drop();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Answers one request. The common case (no body, no latency, no hang) is answered in the same
 * turn, without a promise; only a body, a delay or a hang makes it asynchronous.
 */
function serve(
  engine: Engine,
  lifecycle: Lifecycle,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> | undefined {
  const answer = (body: Buffer | undefined) => {
    const described = engine.handle({
      method: req.method ?? "GET",
      url: req.url ?? "/",
      headers: headersOf(req),
      body,
      transport: "http",
    });
    if (described.kind === "hang") return lifecycle.hang(goneSignal(res));
    const sent = described.kind === "respond" ? described.sent : undefined;
    if (described.delayMs > 0) {
      return lifecycle
        .sleep(described.delayMs, goneSignal(res))
        .then(() => send(described, req, res))
        .finally(() => sent?.());
    }
    try {
      if (lifecycle.closed) throw closedError();
      send(described, req, res);
    } finally {
      sent?.();
    }
    return undefined;
  };
  return hasBody(req) ? readBody(req).then(answer) : answer(undefined);
}

/** Writes what the engine described: an answer, a cut-short one, or a reset connection. */
function send(
  described: Exclude<EngineResponse, { kind: "hang" }>,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (described.kind === "reset") {
    req.socket.resetAndDestroy();
    return;
  }
  const { body } = described;
  if (described.truncateAfter === undefined) {
    // A string body goes out in one write with the head; a Buffer would be a second chunk.
    res.writeHead(described.status, {
      ...described.headers,
      "content-length": String(Buffer.byteLength(body)),
    });
    res.end(body);
    return;
  }
  const bytes = Buffer.from(body, "utf8");
  res.writeHead(described.status, {
    ...described.headers,
    "content-length": String(bytes.byteLength),
  });
  res.write(bytes.subarray(0, described.truncateAfter), () => req.socket.destroy());
}

/** Request headers as the engine takes them: lowercased names, repeated values joined. */
function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = req.headers;
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** Aborted when the client hangs up, so a hang or a delay ends with it. */
function goneSignal(res: ServerResponse): AbortSignal {
  const gone = new AbortController();
  res.on("close", () => gone.abort(new Error("client closed the connection")));
  return gone.signal;
}

/**
 * Whether the request has a body: one with neither content-length nor transfer-encoding has
 * none (RFC 9112, 6.3), so the common GET skips the stream machinery altogether.
 */
function hasBody(req: IncomingMessage): boolean {
  const { "content-length": length, "transfer-encoding": encoding } = req.headers;
  return encoding !== undefined || (length !== undefined && length !== "0");
}

/** The request body as bytes (uploads are binary); undefined when it is empty. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? undefined : Buffer.concat(chunks);
}
