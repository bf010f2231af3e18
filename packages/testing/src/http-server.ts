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
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const described = engine.handle({
    method: req.method ?? "GET",
    url: req.url ?? "/",
    headers,
    body: chunks.length === 0 ? undefined : Buffer.concat(chunks).toString("utf8"),
    transport: "http",
  });
  // Aborted when the client hangs up, so a hang or a delay ends with it.
  const gone = new AbortController();
  res.on("close", () => gone.abort(new Error("client closed the connection")));
  if (described.kind === "hang") {
    await lifecycle.hang(gone.signal);
    return;
  }
  await lifecycle.sleep(described.delayMs, gone.signal);
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
