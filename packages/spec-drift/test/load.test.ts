import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareSpecs, loadSpec, SpecLoadError } from "../src/index.js";
import { closedPort, responseBody, summary } from "./helpers.js";

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
    expect((error as Error).message).toContain("the server answered 404");
    expect((error as Error).message).not.toContain("secret");
  });

  it("reports a network failure (nothing listening) as a network error", async () => {
    const port = await closedPort();
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

describe("$ref cycles", () => {
  const withSchemas = (schemas: Record<string, unknown>) => ({
    ...responseBody({ $ref: "#/components/schemas/Start" }),
    components: { schemas },
  });

  it.each([
    [
      "A -> B -> A",
      { Start: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/Start" } },
      "circular $ref #/components/schemas/Start -> #/components/schemas/B -> #/components/schemas/Start never reaches a schema",
    ],
    [
      "A -> B -> A with a sibling keyword",
      {
        Start: { $ref: "#/components/schemas/B", description: "start" },
        B: { $ref: "#/components/schemas/Start" },
      },
      "circular $ref #/components/schemas/Start -> #/components/schemas/B -> #/components/schemas/Start never reaches a schema",
    ],
    [
      "Self -> Self",
      { Start: { $ref: "#/components/schemas/Start" } },
      "circular $ref #/components/schemas/Start -> #/components/schemas/Start never reaches a schema",
    ],
  ])("refuses %s, which defines no schema, with a SpecLoadError", async (_name, schemas, message) => {
    const error = await loadSpec(withSchemas(schemas)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecLoadError);
    expect(error).toMatchObject({ kind: "ref", source: "<document>" });
    expect((error as Error).message).toBe(`<document>: ${message}`);
  });

  it("refuses a loop through another file, naming the $ref left unresolved", async () => {
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(join(tmpdir(), "spec-drift-"));
    try {
      const spec = withSchemas({ Start: { $ref: "other.json#/Y" } });
      await writeFile(join(dir, "spec.json"), JSON.stringify(spec));
      await writeFile(
        join(dir, "other.json"),
        '{"Y":{"$ref":"spec.json#/components/schemas/Start"}}',
      );
      const error = await loadSpec(join(dir, "spec.json")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SpecLoadError);
      expect((error as Error).message).toMatch(
        /spec\.json: circular \$ref \S+ never reaches a schema$/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keeps recursion through a schema, also behind an alias", async () => {
    const node = { type: "object", properties: { child: { $ref: "#/components/schemas/Start" } } };
    const alias = { Start: { $ref: "#/components/schemas/Node" }, Node: node };
    for (const schemas of [{ Start: node }, alias]) {
      const { document } = await loadSpec(withSchemas(schemas));
      const start = (document.components as { schemas: Record<string, { properties: object }> })
        .schemas.Start;
      expect(start?.properties).toEqual({ child: start });
      expect((await compareSpecs(withSchemas(schemas), withSchemas(schemas))).changes).toEqual([]);
    }
  });
});

describe("$refs of a document fetched over http(s)", () => {
  let server: Server;
  let origin: string;
  let dir: string;
  const canary = "LOCAL-FILE-CANARY-7d2e";
  /** The served spec: its one response schema is `leak`. */
  let leak: unknown;

  beforeAll(async () => {
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    dir = await mkdtemp(join(tmpdir(), "spec-drift-"));
    await writeFile(join(dir, "secret.json"), JSON.stringify({ type: "string", enum: [canary] }));
    server = createServer((req, res) => {
      const json = (body: unknown) =>
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (req.url === "/spec.json") json(responseBody(leak));
      else if (req.url === "/parts/part.json") json({ type: "string", enum: ["same-origin"] });
      // a same-origin URL that sends the resolver elsewhere (never contacted: redirects are refused)
      else if (req.url === "/hop.json")
        res.writeHead(302, { location: `http://localhost:1/x.json` }).end();
      else res.writeHead(404).end();
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    const { rm } = await import("node:fs/promises");
    server.close();
    await once(server, "close");
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ["a file: URL", () => pathToFileURL(join(dir, "secret.json")).href, "file://"],
    [
      "another origin",
      () => "http://127.0.0.1:1/secret.json?token=t",
      "http://127.0.0.1:1/secret.json:",
    ],
  ])("refuses a $ref to %s, reading nothing for it", async (_name, ref, shown) => {
    leak = { type: "object", properties: { leak: { $ref: ref() } } };
    const error = await compareSpecs(responseBody({ type: "object" }), `${origin}/spec.json`, {
      timeoutMs: 2_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecLoadError);
    expect(error).toMatchObject({ kind: "ref", source: `${origin}/spec.json` });
    expect((error as Error).message).toContain(`refused the $ref ${shown}`);
    expect((error as Error).message).toContain(`may only $ref that origin`);
    expect((error as Error).message).not.toContain(canary);
    expect((error as Error).message).not.toContain("token");
  });

  it("resolves a $ref to its own origin, but follows no redirect", async () => {
    leak = { $ref: "parts/part.json" };
    const { document } = await loadSpec(`${origin}/spec.json`, { timeoutMs: 2_000 });
    expect(JSON.stringify(document.paths)).toContain('"enum":["same-origin"]');
    leak = { $ref: "/hop.json" };
    const error = await loadSpec(`${origin}/spec.json`, { timeoutMs: 2_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: "ref" });
    expect((error as Error).message).toContain(
      `cannot resolve a $ref (cannot fetch ${origin}/hop.json`,
    );
  });

  it("still lets a local document $ref local files", async () => {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(join(dir, "local.json"), JSON.stringify(responseBody({ $ref: "secret.json" })));
    const { document } = await loadSpec(join(dir, "local.json"));
    expect(JSON.stringify(document.paths)).toContain(canary);
  });
});

describe("the $ref resolver", () => {
  const withSchemas = (
    schemas: Record<string, unknown>,
    root: unknown = { $ref: "#/components/schemas/Start" },
  ) => ({
    ...responseBody(root),
    components: { schemas },
  });
  /** The schema the one response of a loaded document holds. */
  const responseSchema = (document: unknown): Record<string, unknown> =>
    (
      document as {
        paths: Record<
          string,
          {
            get: {
              responses: Record<
                string,
                { content: Record<string, { schema: Record<string, unknown> }> }
              >;
            };
          }
        >;
      }
    ).paths["/things/{id}"]!.get.responses["200"]!.content["application/json"]!.schema;

  it("makes every $ref to a component the same object", async () => {
    const doc = withSchemas({
      Start: {
        type: "object",
        properties: {
          a: { $ref: "#/components/schemas/Leaf" },
          b: { $ref: "#/components/schemas/Leaf" },
        },
      },
      Leaf: { type: "string" },
    });
    const { document, schemaNames } = await loadSpec(doc);
    const start = responseSchema(document) as { properties: { a: object; b: object } };
    expect(start.properties.a).toBe(start.properties.b);
    expect(schemaNames.get(start.properties.a)).toBe("Leaf");
    expect(schemaNames.get(start)).toBe("Start");
  });

  it("follows a pointer through a $ref, decodes ~0, ~1 and %20, and lays siblings over a copy", async () => {
    const doc = withSchemas({
      Start: { $ref: "#/components/schemas/Alias/properties/a~1b" },
      Alias: { $ref: "#/components/schemas/Real" },
      Real: {
        type: "object",
        properties: { "a/b": { $ref: "#/components/schemas/Odd%20~0name" } },
      },
      "Odd ~name": { type: "string", maxLength: 3 },
    });
    const { document } = await loadSpec(doc);
    expect(responseSchema(document)).toEqual({ type: "string", maxLength: 3 });
    const described = withSchemas(
      { Leaf: { type: "string" } },
      { $ref: "#/components/schemas/Leaf", description: "over" },
    );
    const loaded = await loadSpec(described);
    expect(responseSchema(loaded.document)).toEqual({ type: "string", description: "over" });
    const components = loaded.document.components as { schemas: { Leaf: object } };
    expect(components.schemas.Leaf).toEqual({ type: "string" });
  });

  it("names a pointer to nothing, and a loop of pointers through $refs", async () => {
    const missing = await loadSpec(
      withSchemas({ Start: { $ref: "#/components/schemas/Nope/x" } }),
    ).catch((e: unknown) => e);
    expect(missing).toMatchObject({ kind: "ref" });
    expect((missing as Error).message).toContain("nothing at #/components/schemas/Nope/x");
    const loop = await loadSpec(
      withSchemas({
        Start: { $ref: "#/components/schemas/A/properties/x" },
        A: { $ref: "#/components/schemas/B/properties/y" },
        B: { $ref: "#/components/schemas/A/properties/z" },
      }),
    ).catch((e: unknown) => e);
    expect(loop).toMatchObject({ kind: "ref" });
    expect((loop as Error).message).toMatch(/circular \$ref \S+ never reaches a schema$/);
  });

  it("reads a referenced YAML file with the same parser as the document", async () => {
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(join(tmpdir(), "spec-drift-"));
    try {
      await writeFile(join(dir, "parts.yaml"), "Name:\n  type: string\n  pattern: '^[a-z]+$'\n");
      await writeFile(
        join(dir, "spec.json"),
        JSON.stringify(responseBody({ $ref: "parts.yaml#/Name" })),
      );
      const { document } = await loadSpec(join(dir, "spec.json"));
      expect(responseSchema(document)).toEqual({ type: "string", pattern: "^[a-z]+$" });
      await writeFile(
        join(dir, "broken.json"),
        JSON.stringify(responseBody({ $ref: "gone.yaml" })),
      );
      const error = await loadSpec(join(dir, "broken.json")).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: "ref" });
      expect((error as Error).message).toMatch(
        /cannot resolve a \$ref \(cannot read file:\/\/\S+gone\.yaml: ENOENT\)$/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("resolves $refs inside a target relative to the file the target was found in", async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(join(tmpdir(), "spec-drift-"));
    try {
      // spec -> a/alias.json#/X/properties/b, where X is a $ref into b/real.json, whose `b`
      // holds a $ref relative to b/ (not to a/)
      await mkdir(join(dir, "a"));
      await mkdir(join(dir, "b"));
      await writeFile(
        join(dir, "a/alias.json"),
        JSON.stringify({ X: { $ref: "../b/real.json#/Real" } }),
      );
      await writeFile(
        join(dir, "b/real.json"),
        JSON.stringify({ Real: { properties: { b: { $ref: "leaf.json" } } } }),
      );
      await writeFile(join(dir, "b/leaf.json"), JSON.stringify({ type: "string", maxLength: 7 }));
      await writeFile(
        join(dir, "spec.json"),
        JSON.stringify(responseBody({ $ref: "a/alias.json#/X/properties/b" })),
      );
      const { document } = await loadSpec(join(dir, "spec.json"));
      expect(responseSchema(document)).toEqual({ type: "string", maxLength: 7 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a document nested more than 2,000 levels deep, naming it", async () => {
    let deep: unknown = {};
    for (let i = 0; i < 2_100; i++) deep = [deep];
    const error = await loadSpec({ ...responseBody({ type: "string" }), "x-deep": deep }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SpecLoadError);
    expect((error as Error).message).toBe("<document>: nests more than 2,000 levels deep; refused");
    let fine: unknown = {};
    for (let i = 0; i < 1_000; i++) fine = [fine];
    await expect(
      loadSpec({ ...responseBody({ type: "string" }), "x-deep": fine }),
    ).resolves.toBeDefined();
  });
});
