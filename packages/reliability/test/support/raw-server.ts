import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** What a raw test server saw of one request. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A plain node:http server on 127.0.0.1 that answers however the test's handler likes. */
export interface RawServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received, oldest first. */
  seen: SeenRequest[];
  /** Sockets closed by the client (or by the handler) so far. */
  readonly closedSockets: number;
  close(): Promise<void>;
}

/** Handles one request; may leave the response open (a hang) or destroy the socket. */
export type RawHandler = (
  req: SeenRequest,
  res: ServerResponse,
  socket: Socket,
) => void | Promise<void>;

/**
 * Starts a raw HTTP server on 127.0.0.1 and a random port. Unlike the fake, it sends whatever the
 * test wants: garbage, lies, redirects, silence.
 */
export async function startRawServer(handler: RawHandler): Promise<RawServer> {
  const seen: SeenRequest[] = [];
  let closedSockets = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: SeenRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(r);
      Promise.resolve(handler(r, res, req.socket)).catch(() => res.destroy());
    });
  });
  server.on("connection", (s: Socket) => s.on("close", () => closedSockets++));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    get closedSockets() {
      return closedSockets;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
