import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareSpecs, loadSpec, SpecLoadError } from "../src/index.js";
import { summary } from "./helpers.js";

const fixtures = join(import.meta.dirname, "fixtures");

describe("inputs", () => {
  it("reads a readme.io page (```json) and a Mintlify page (````yaml) and compares them", async () => {
    const report = await compareSpecs(
      join(fixtures, "page-readme.md"),
      join(fixtures, "page-mintlify.md"),
    );
    // The Mintlify page moves schemas into $refs (no change) and makes `size` nullable (a change).
    expect(summary(report.changes)).toEqual(["breaking response-became-nullable"]);
    expect(report.changes[0]?.location).toBe("response 200 application/json: data.size");
  });

  it("resolves relative file $refs, including circular ones", async () => {
    const base = join(fixtures, "refs/base/openapi.yaml");
    expect((await compareSpecs(base, base)).changes).toEqual([]);
    const report = await compareSpecs(base, join(fixtures, "refs/head/openapi.yaml"));
    expect(report.changes.map((c) => `${c.id} ${c.location}`)).toEqual([
      "response-became-nullable response 200 application/json: owner.name",
    ]);
  });

  it("accepts parsed documents without modifying them", async () => {
    const doc = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {
        "/a": {
          get: {
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } },
              },
            },
          },
        },
      },
      components: { schemas: { A: { type: "string" } } },
    };
    const before = JSON.stringify(doc);
    expect((await compareSpecs(doc, doc)).changes).toEqual([]);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it("names the file and the problem when a file is missing", async () => {
    const error = await loadSpec("does/not/exist.yaml").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecLoadError);
    expect(error).toMatchObject({
      kind: "read",
      source: "does/not/exist.yaml",
      message: "does/not/exist.yaml: file not found",
    });
  });

  it.each([
    ["invalid JSON", '{ "openapi": ', "invalid JSON"],
    ["a YAML scalar", "just words", "not an OpenAPI document"],
    ["Swagger 2.0", "swagger: '2.0'\ninfo: {}\npaths: {}\n", "Swagger 2.0 is not supported"],
    ["an unsupported version", "openapi: 4.0.0\npaths: {}\n", "unsupported OpenAPI version 4.0.0"],
    [
      "a page without a definition",
      '# Title\n\n```json\n{ "a": 1 }\n```\n',
      "none holds an OpenAPI definition",
    ],
    [
      "a dangling $ref",
      "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Nope'}\n",
      "cannot resolve a $ref",
    ],
  ])("rejects %s with a SpecLoadError", async (_name, text, fragment) => {
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(join(tmpdir(), "spec-drift-"));
    try {
      const file = join(dir, "spec.txt");
      await writeFile(file, text);
      const error = await loadSpec(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SpecLoadError);
      expect((error as Error).message).toContain(fragment);
      expect((error as Error).message.startsWith(file)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("URLs", () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    const page = await readFile(join(fixtures, "page-mintlify.md"), "utf8");
    server = createServer((req, res) => {
      if (req.url === "/widget.md") {
        res.writeHead(200, { "content-type": "text/markdown" }).end(page);
      } else res.writeHead(404, { "content-type": "text/plain" }).end("not here");
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.close();
    await once(server, "close");
  });

  it("fetches and compares a docs page over HTTP", async () => {
    const report = await compareSpecs(join(fixtures, "page-mintlify.md"), `${origin}/widget.md`);
    expect(report.changes).toEqual([]);
    expect(report.head).toBe(`${origin}/widget.md`);
  });

  it("reports an HTTP error status with the URL", async () => {
    const error = await loadSpec(`${origin}/missing.md?token=secret`).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "network" });
    expect((error as Error).message).toContain(`${origin}/missing.md`);
    expect((error as Error).message).toContain("HTTP 404");
    expect((error as Error).message).not.toContain("secret");
  });

  it("reports a network failure (nothing listening) as a network error", async () => {
    const closed = createServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, "close");
    const error = await loadSpec(`http://127.0.0.1:${port}/spec.json`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecLoadError);
    expect(error).toMatchObject({ kind: "network" });
    expect((error as Error).message).toMatch(/cannot fetch/);
  });

  it("uses an injected fetch, so callers can run offline", async () => {
    const fetchOffline: typeof fetch = () =>
      Promise.reject(
        new TypeError("fetch failed", {
          cause: Object.assign(new Error("getaddrinfo ENOTFOUND docs.example"), {
            code: "ENOTFOUND",
          }),
        }),
      );
    const error = await loadSpec("https://docs.example/page", { fetch: fetchOffline }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe(
      "https://docs.example/page: cannot fetch (host not found (ENOTFOUND); are you offline?)",
    );
  });
});
