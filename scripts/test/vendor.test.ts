import { createHash } from "node:crypto";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { extractEmbeddedDefinition, SpecInputError } from "@heygen-openapi/spec-tools";
import { afterEach, describe, expect, test } from "vitest";
import { crossCheck } from "../src/cross-check.mjs";
import { type Manifest, readManifest, specsDir } from "../src/manifest.mjs";
import { parseSpecText } from "../src/parse.mjs";
import { vendor } from "../src/vendor.mjs";
import { copyCheckout } from "./support.mjs";

async function definitionOf(manifest: Manifest, name: string) {
  const source = manifest.sources.find((s) => s.name === name)!;
  const text = await readFile(join(specsDir, source.definition), "utf8");
  // biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document, walked by the test
  return parseSpecText(text, source.definition) as Record<string, any>;
}

let dispose: (() => Promise<void>) | undefined;
afterEach(async () => {
  await dispose?.();
  dispose = undefined;
});

describe("extracting the embedded definitions", () => {
  test("each vendored upstream file is its page's embedded text, byte for byte", async () => {
    const manifest = await readManifest();
    const pages = manifest.sources.filter((s) => s.page !== undefined);
    expect(pages).toHaveLength(4);
    for (const source of pages) {
      const page = await readFile(join(specsDir, source.page!), "utf8");
      const vendored = await readFile(join(specsDir, source.definition), "utf8");
      const { text } = extractEmbeddedDefinition(page, source.page!);
      expect(text).toBe(vendored);
      expect(page.includes(vendored)).toBe(true);
    }
  });

  test("re-running the vendoring on the same pages changes nothing", async () => {
    const copy = await copyCheckout();
    dispose = copy.dispose;
    const dir = join(copy.root, "specs");
    expect(await vendor({ dir })).toEqual([]);
    expect(await vendor({ dir, from: join(dir, "pages") })).toEqual([]);
  });

  test("a changed page re-vendors only its own definition", async () => {
    const copy = await copyCheckout();
    dispose = copy.dispose;
    const dir = join(copy.root, "specs");
    const page = join(dir, "pages/001_3f7967b9165dce6a.txt");
    await writeFile(
      page,
      (await readFile(page, "utf8")).replace("version: 1.0.0", "version: 1.0.1"),
    );
    const changed = await vendor({ dir });
    expect(changed).toEqual([
      expect.stringMatching(/specs\/v3\/upstream\/get-avatar-group\.yaml$/),
    ]);
    expect(await readFile(join(dir, "v3/upstream/get-avatar-group.yaml"), "utf8")).toContain(
      "version: 1.0.1",
    );
  });

  test("reads both page styles: readme.io JSON and Mintlify YAML", () => {
    const readme = '# Title\n\n# OpenAPI definition\n\n```json\n{\n  "openapi": "3.1.0"\n}\n```\n';
    expect(extractEmbeddedDefinition(readme, "r.txt")).toEqual({
      format: "json",
      text: '{\n  "openapi": "3.1.0"\n}\n',
    });
    const mintlify =
      "## OpenAPI\n\n````yaml /openapi/x.json get /a\nopenapi: 3.1.0\npaths: {}\n````\n";
    expect(extractEmbeddedDefinition(mintlify, "m.txt")).toEqual({
      format: "yaml",
      text: "openapi: 3.1.0\npaths: {}\n",
    });
  });

  test("a page without a definition, or with an unclosed fence, is a SpecInputError naming it", () => {
    expect(() => extractEmbeddedDefinition("no fences here", "p.txt")).toThrow(SpecInputError);
    expect(() => extractEmbeddedDefinition("no fences here", "p.txt")).toThrow(
      /^p\.txt: no embedded OpenAPI/,
    );
    expect(() => extractEmbeddedDefinition('```json\n{"openapi": 1}\n', "q.txt")).toThrow(
      /q\.txt: the ```json fence .* never closed/,
    );
  });
});

describe("HeyGen's published External API definition", () => {
  test("is vendored byte for byte: its sha256 is the recorded provenance's", async () => {
    const manifest = await readManifest();
    const source = manifest.sources.find((s) => s.name === "external-api")!;
    expect(source).toMatchObject({ api: "v3", role: "source", urlVerified: false });
    expect(source.page).toBeUndefined();
    const bytes = await readFile(join(specsDir, source.definition));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(source.provenance!.sha256);
    expect(source.provenance).toMatchObject({
      repository: "https://github.com/heygen-com/heygen-cli",
      commit: "a08e4c5e1d78f8eeb22ca3a69e160dc48f400c09",
      license: "Apache-2.0",
    });
  });

  test("travels with its Apache-2.0 license and HeyGen's NOTICE", async () => {
    const manifest = await readManifest();
    const source = manifest.sources.find((s) => s.name === "external-api")!;
    expect(await readFile(join(specsDir, source.license!), "utf8")).toContain("Apache License");
    expect(await readFile(join(specsDir, source.notice!), "utf8")).toContain("HeyGen, Inc.");
  });

  test("a definition that is not the recorded one is refused, and nothing is written", async () => {
    const copy = await copyCheckout();
    dispose = copy.dispose;
    const dir = join(copy.root, "specs");
    const from = join(copy.root, "incoming");
    await cp(join(dir, "pages"), from, { recursive: true });
    const changed = (await readFile(join(dir, "v3/upstream/external-api.json"), "utf8")).replace(
      "HeyGen External API",
      "HeyGen External API (changed)",
    );
    await writeFile(join(from, "external-api.json"), changed);
    await expect(vendor({ dir, from })).rejects.toThrow(
      /v3\/upstream\/external-api\.json: sha256 [0-9a-f]{64} is not the recorded upstream b29fc056/,
    );
    expect(await readFile(join(dir, "v3/upstream/external-api.json"), "utf8")).not.toContain(
      "(changed)",
    );
  });
});

describe("the cross-checks", () => {
  test("each operation of the v3 seed page agrees with the published definition", async () => {
    const manifest = await readManifest();
    const published = await definitionOf(manifest, "external-api");
    for (const source of manifest.sources.filter((s) => s.role === "cross-check")) {
      const checked = await definitionOf(manifest, source.name);
      const report = crossCheck(checked, published);
      expect(report.operations).toEqual(["GET /v3/avatars/{group_id}"]);
      expect(report.differences).toEqual([]);
    }
  });

  test("a difference in a parameter or schema is reported, docs text is not", async () => {
    const manifest = await readManifest();
    const published = await definitionOf(manifest, "external-api");
    const seed = await definitionOf(manifest, "get-avatar-group");
    const reworded = structuredClone(seed);
    reworded.paths["/v3/avatars/{group_id}"].get.summary = "Reworded";
    reworded.components.schemas.AvatarGroupItem.description = "Reworded";
    expect(crossCheck(reworded, published).differences).toEqual([]);
    const changed = structuredClone(seed);
    changed.components.schemas.AvatarGroupItem.properties.looks_count.type = "string";
    expect(crossCheck(changed, published).differences).toEqual([
      expect.stringMatching(
        /GET \/v3\/avatars\/\{group_id\}: .*looks_count\/type: "string" here, "integer" published/,
      ),
    ]);
  });

  test("the avatars guide page states what the published GET /v3/avatars defines", async () => {
    const manifest = await readManifest();
    const guide = await readFile(join(specsDir, manifest.guides[0]!.page), "utf8");
    const published = await definitionOf(manifest, "external-api");
    const op = published.paths["/v3/avatars"].get;
    const params = Object.fromEntries(
      op.parameters.map((p: { name: string; schema: unknown }) => [p.name, p.schema]),
    );
    // the guide's table: "limitintegerNo20Results per page (1–50)."
    expect(guide).toContain("limitintegerNo20Results per page (1–50).");
    expect(params.limit).toMatchObject({ type: "integer", minimum: 1, maximum: 50, default: 20 });
    expect(guide).toMatch(/ownershipstringNo.*"public".*"private"/);
    expect(JSON.stringify(params.ownership)).toMatch(/public.*private/);
    expect(guide).toContain("tokenstringNoOpaque cursor token");
    expect(params.token).toBeDefined();
  });
});
