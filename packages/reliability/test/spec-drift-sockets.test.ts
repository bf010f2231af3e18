// Regression (drift-3): compareSpecs must release the connection of an answer it gives up on
// (an HTTP error, or an HTML page it replaces with the page's .md), or sockets pile up.
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";

const REPO = resolve(import.meta.dirname, "../../..");

describe("compareSpecs leaves the socket of a large unread answer (HTML page, HTTP error) open", () => {
  test.each([
    [200, "text/html"],
    [500, "application/json"],
  ])("status %i %s with a 100 kB body: no socket left once the server is gone", async (status, contentType) => {
    const { createServer } = await import("node:http");
    const { compareSpecs } = await import("@heygen-openapi/spec-drift");
    const server = createServer((req, res) => {
      if (req.url?.endsWith(".md")) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(status, { "content-type": contentType });
      res.end("x".repeat(100_000));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const sockets = () =>
      process.getActiveResourcesInfo().filter((k) => k === "TCPSocketWrap").length;
    const before = sockets();
    const { port } = server.address() as { port: number };
    for (let i = 0; i < 5; i++) {
      await compareSpecs(join(REPO, "specs/v3/openapi.json"), `http://127.0.0.1:${port}/page`, {
        timeoutMs: 2_000,
      }).catch(() => {});
    }
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(sockets()).toBeLessThanOrEqual(before);
  });
});
