import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareUpstream, SpecLoadError } from "../src/index.js";
import { runCli } from "../src/run-cli.js";
import { closedPort, summary } from "./helpers.js";

const fixtures = join(import.meta.dirname, "fixtures");
let server: Server;
let origin: string;
let dir: string;
const requests: string[] = [];

beforeAll(async () => {
  const readme = await readFile(join(fixtures, "page-readme.md"), "utf8");
  const mintlify = await readFile(join(fixtures, "page-mintlify.md"), "utf8");
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    // Like readme.io and Mintlify: the page itself is HTML, its Markdown twin lives at `.md`.
    if (req.url === "/reference/widget")
      res.writeHead(200, { "content-type": "text/html" }).end("<html>app</html>");
    else if (req.url === "/reference/widget.md")
      res.writeHead(200, { "content-type": "text/markdown" }).end(mintlify);
    else if (req.url === "/reference/same.md")
      res.writeHead(200, { "content-type": "text/plain" }).end(readme);
    else res.writeHead(404).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), "spec-drift-upstream-"));
  await writeFile(join(dir, "vendored.md"), readme);
  await writeFile(
    join(dir, "upstream.json"),
    JSON.stringify({
      sources: [
        { name: "same", url: `${origin}/reference/same.md`, definition: "vendored.md" },
        { name: "widget", url: `${origin}/reference/widget`, definition: "vendored.md" },
      ],
    }),
  );
});

afterAll(async () => {
  server.close();
  await once(server, "close");
  await rm(dir, { recursive: true, force: true });
});

describe("compareUpstream", () => {
  it("compares each vendored definition with its URL, following HTML pages to their Markdown", async () => {
    const report = await compareUpstream(join(dir, "upstream.json"));
    expect(summary(report.changes)).toEqual(["breaking response-became-nullable"]);
    expect(report.head).toBe("upstream");
    expect(requests).toContain("/reference/widget.md");
  });

  it("says the machine looks offline and the CLI exits 2", async () => {
    const offline: typeof fetch = () =>
      Promise.reject(
        new TypeError("fetch failed", {
          cause: Object.assign(new Error("getaddrinfo EAI_AGAIN"), { code: "EAI_AGAIN" }),
        }),
      );
    const error = await compareUpstream(join(dir, "upstream.json"), { fetch: offline }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SpecLoadError);
    expect((error as Error).message).toContain(
      "cannot reach any upstream source; this machine looks offline",
    );
    let stderr = "";
    const code = await runCli(
      ["upstream", join(dir, "upstream.json")],
      {
        stdout: () => {},
        stderr: (t) => {
          stderr += t;
        },
      },
      { fetch: offline },
    );
    expect(code).toBe(2);
    expect(stderr).toContain("looks offline");
    expect(stderr).toContain(`${origin}/reference/widget`);
  });

  it("exits 1 from the CLI when upstream drifted in a breaking way", async () => {
    const code = await runCli(["upstream", join(dir, "upstream.json")], {
      stdout: () => {},
      stderr: () => {},
    });
    expect(code).toBe(1);
  });

  it("rejects a manifest without sources", async () => {
    await writeFile(join(dir, "empty.json"), JSON.stringify({ sources: [] }));
    await expect(compareUpstream(join(dir, "empty.json"))).rejects.toThrow("expected `sources`");
  });
});

describe("upstream failures say what happened", () => {
  /** Runs `use` with a manifest (in a temp folder, removed afterwards) whose one source is `url`. */
  async function withManifest<T>(url: string, use: (manifest: string) => Promise<T>): Promise<T> {
    const folder = await mkdtemp(join(tmpdir(), "spec-drift-upstream-fail-"));
    try {
      await writeFile(
        join(folder, "v.json"),
        JSON.stringify({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {} }),
      );
      await writeFile(
        join(folder, "m.json"),
        JSON.stringify({ sources: [{ url, definition: "v.json" }] }),
      );
      return await use(join(folder, "m.json"));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  const failing = (url: string) =>
    withManifest(url, (manifest) =>
      compareUpstream(manifest).then(
        () => undefined,
        (e: unknown) => e as Error,
      ),
    );

  it("a refused port is a refused connection, not an offline machine", async () => {
    const port = await closedPort();
    const error = await failing(`http://127.0.0.1:${port}/spec.json`);
    expect(error).toBeInstanceOf(SpecLoadError);
    expect(error?.message).toContain("cannot reach any upstream source:");
    expect(error?.message).toContain("connection refused");
    expect(error?.message).not.toContain("offline");
  });

  it("an HTTP error status is the server's answer, not an offline machine", async () => {
    const error = await failing(`${origin}/boom`);
    expect(error?.message).toContain("the server answered 404 Not Found");
    expect(error?.message).not.toContain("offline");
  });

  it("--timeout gives up on a server that never answers, and says how long it waited", async () => {
    const silent = createServer(() => {});
    silent.listen(0, "127.0.0.1");
    await once(silent, "listening");
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/spec.json`;
    try {
      let stderr = "";
      const code = await withManifest(url, (manifest) =>
        runCli(["upstream", manifest, "--timeout", "0.2"], {
          stdout: () => {},
          stderr: (t) => {
            stderr += t;
          },
        }),
      );
      expect(code).toBe(2);
      expect(stderr).toContain("timed out after 0.2 s");
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
