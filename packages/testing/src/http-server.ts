import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Engine } from "./engine.js";
import type { Lifecycle } from "./lifecycle.js";

/** A running HTTP server over one engine. */
export interface FakeHttpServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the engine over real HTTP on 127.0.0.1 and a random port. Faults become what a client
 * would see on the wire: a reset is a TCP RST, a truncated body is cut after the headers
 * announced its full length, a hang keeps the socket open until the client gives up.
 */
export async function startHttpServer(
  engine: Engine,
  lifecycle: Lifecycle,
): Promise<FakeHttpServer> {
  const server: Server = createServer((req, res) => {
    serve(engine, lifecycle, req, res).catch(() => {
      // The client went away or the fake closed mid-response; nothing is left to answer.
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(
  engine: Engine,
  lifecycle: Lifecycle,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const headers: Record<string, string> = {};
  const raw = req.headers;
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const described = engine.handle({
    method: req.method ?? "GET",
    url: req.url ?? "/",
    headers,
    body: await readBody(req),
    transport: "http",
  });
  if (described.kind === "hang") {
    await lifecycle.hang(goneSignal(res));
    return;
  }
  // Only a delay needs to hear the client hang up; a listener per instant answer is pure cost.
  await lifecycle.sleep(described.delayMs, described.delayMs > 0 ? goneSignal(res) : undefined);
  if (described.kind === "reset") {
    req.socket.resetAndDestroy();
    return;
  }
  const body = Buffer.from(described.body, "utf8");
  res.writeHead(described.status, {
    ...described.headers,
    "content-length": String(body.byteLength),
  });
  if (described.truncateAfter === undefined) {
    res.end(body);
    return;
  }
  res.write(body.subarray(0, described.truncateAfter), () => req.socket.destroy());
}

/** Aborted when the client hangs up, so a hang or a delay ends with it. */
function goneSignal(res: ServerResponse): AbortSignal {
  const gone = new AbortController();
  res.on("close", () => gone.abort(new Error("client closed the connection")));
  return gone.signal;
}

/**
 * The request body as text; undefined when there is none. A request with neither
 * content-length nor transfer-encoding has no body (RFC 9112, 6.3), so the common GET skips
 * the stream machinery altogether.
 */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const { "content-length": length, "transfer-encoding": encoding } = req.headers;
  if (encoding === undefined && (length === undefined || length === "0")) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? undefined : Buffer.concat(chunks).toString("utf8");
}
