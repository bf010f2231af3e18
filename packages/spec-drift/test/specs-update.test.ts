import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updateSpecs } from "../scripts/specs-update.mjs";
import * as lib from "../src/index.js";

const repoSpecs = join(import.meta.dirname, "../../../specs");
const repoTypes = join(import.meta.dirname, "../../types");
let root: string;
let output: string;
const out = (text: string) => {
  output += text;
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "specs-update-test-"));
  await cp(repoSpecs, join(root, "specs"), { recursive: true });
  for (const generated of ["openapi", "src/generated"]) {
    await cp(join(repoTypes, generated), join(root, "packages/types", generated), {
      recursive: true,
    });
  }
  output = "";
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function editedPage(name: string, edit: (text: string) => string): Promise<string> {
  const text = await readFile(join(root, "specs/pages", name), "utf8");
  const edited = edit(text);
  expect(edited).not.toBe(text);
  const file = join(root, `new-${name}`);
  await writeFile(file, edited);
  return file;
}

describe("specs:update", () => {
  it("re-vendors a page, regenerates the types and reports the drift for clients", async () => {
    const from = await editedPage("004_94810b5891121a61.txt", (t) =>
      t.replace(
        '"parameters": [',
        '"parameters": [\n          { "name": "team", "in": "query", "required": true, "schema": { "type": "string" } },',
      ),
    );
    const result = await updateSpecs({ root, from, lib, out });
    expect(result.code).toBe(0);
    expect(result.written).toEqual(
      expect.arrayContaining([
        "specs/pages/004_94810b5891121a61.txt",
        "specs/v2/upstream/list-all-avatars-in-one-avatar-group.json",
        "specs/v2/openapi.json",
        "packages/types/src/generated/v2.ts",
      ]),
    );
    expect(lib.summarize(result.report.changes).breaking).toBe(1);
    expect(result.report.changes[0]).toMatchObject({
      id: "request-parameter-added-required",
      operation: "GET /v2/avatar_group/{group_id}/avatars",
    });
    expect(await readFile(join(root, "packages/types/src/generated/v2.ts"), "utf8")).toContain(
      "team: string",
    );
    expect(output).toContain("What changed for clients");
  });

  it("lists corrections that lost their target and writes nothing", async () => {
    const from = await editedPage("002_8b6a800ca5160fbf.txt", (t) =>
      t.replaceAll('"image_keys"', '"image_ids"'),
    );
    const before = await readFile(
      join(root, "specs/v2/upstream/add-looks-to-photo-avatar-group.json"),
      "utf8",
    );
    const result = await updateSpecs({ root, from, lib, out });
    expect(result.code).toBe(1);
    expect(result.stranded.join("\n")).toContain("image_keys");
    expect(output).toContain("no longer find their target");
    expect(output).toContain("request-property-removed");
    expect(
      await readFile(join(root, "specs/v2/upstream/add-looks-to-photo-avatar-group.json"), "utf8"),
    ).toBe(before);
  });

  it("accepts a bare definition and reports nothing when it is what is vendored", async () => {
    const result = await updateSpecs({
      root,
      from: join(root, "specs/v3/upstream/get-avatar-group.yaml"),
      lib,
      out,
    });
    expect(result).toMatchObject({ code: 0, written: [] });
    expect(output).toContain("Vendored specs are up to date.");
  });

  it("says it is offline when no upstream page can be fetched", async () => {
    const offline: typeof fetch = () => Promise.reject(new TypeError("fetch failed"));
    await expect(updateSpecs({ root, lib, out, fetch: offline })).rejects.toThrow(
      "this machine looks offline",
    );
  });

  it("rejects a definition that matches no vendored source", async () => {
    const file = join(root, "other.json");
    await writeFile(
      file,
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "x", version: "1" },
        paths: { "/v9/other": { get: { responses: {} } } },
      }),
    );
    await expect(updateSpecs({ root, from: file, lib, out })).rejects.toThrow(
      "shares no operation with any source",
    );
  });

  it("re-vendors HeyGen's published definition byte for byte and records its new provenance", async () => {
    const vendored = await readFile(join(root, "specs/v3/upstream/external-api.json"), "utf8");
    const edited = vendored.replace('"HeyGen External API"', '"HeyGen External API (next)"');
    expect(edited).not.toBe(vendored);
    const file = join(root, "external-api.json");
    await writeFile(file, edited);
    const result = await updateSpecs({ root, from: file, lib, out });
    expect(result.code).toBe(0);
    expect(result.written).toEqual(
      expect.arrayContaining(["specs/v3/upstream/external-api.json", "specs/upstream.json"]),
    );
    expect(await readFile(join(root, "specs/v3/upstream/external-api.json"), "utf8")).toBe(edited);
    const manifest = JSON.parse(await readFile(join(root, "specs/upstream.json"), "utf8"));
    const source = manifest.sources.find((s: { name: string }) => s.name === "external-api");
    expect(source.provenance).toEqual({
      retrievedFrom: "external-api.json",
      date: new Date().toISOString().slice(0, 10),
      license: "Apache-2.0",
      sha256: createHash("sha256").update(edited).digest("hex"),
    });
    // the vendoring check (run again inside the update) accepts the new bytes from now on
    output = "";
    expect(await updateSpecs({ root, from: file, lib, out })).toMatchObject({
      code: 0,
      written: [],
    });
    expect(output).toContain("Vendored specs are up to date.");
  });

  it("fetches the published definition from its URL beside the pages, over HTTP", async () => {
    const manifest = JSON.parse(await readFile(join(root, "specs/upstream.json"), "utf8"));
    const served = new Map<string, string>();
    for (const source of manifest.sources as Array<{
      url: string;
      page?: string;
      definition: string;
    }>) {
      const text = await readFile(join(root, "specs", source.page ?? source.definition), "utf8");
      served.set(
        source.url,
        source.page
          ? text
          : text.replace('"HeyGen External API"', '"HeyGen External API (served)"'),
      );
    }
    const requested: string[] = [];
    const server = createServer((req, res) => {
      const url = decodeURIComponent((req.url ?? "/").slice(1));
      requested.push(url);
      const body = served.get(url);
      res.writeHead(body === undefined ? 404 : 200, { "content-type": "text/plain" });
      res.end(body ?? "missing");
    });
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    const { port } = server.address() as AddressInfo;
    const local: typeof fetch = (input, init) =>
      fetch(`http://127.0.0.1:${port}/${encodeURIComponent(String(input))}`, init);
    try {
      const result = await updateSpecs({ root, lib, out, fetch: local });
      expect(result.code).toBe(0);
      expect(requested.sort()).toEqual([...served.keys()].sort());
      expect(result.written).toEqual(
        expect.arrayContaining(["specs/v3/upstream/external-api.json", "specs/upstream.json"]),
      );
      const after = JSON.parse(await readFile(join(root, "specs/upstream.json"), "utf8"));
      const source = after.sources.find((s: { name: string }) => s.name === "external-api");
      expect(source.provenance.retrievedFrom).toBe(source.url);
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });
});
