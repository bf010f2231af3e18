import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { extractEmbeddedDefinition, SpecInputError } from "@heygen-openapi/spec-tools";
import { afterEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { readManifest, specsDir } from "../src/manifest.mjs";
import { vendor } from "../src/vendor.mjs";
import { copyCheckout } from "./support.mjs";

let dispose: (() => Promise<void>) | undefined;
afterEach(async () => {
  await dispose?.();
  dispose = undefined;
});

describe("extracting the embedded definitions", () => {
  test("each vendored upstream file is its page's embedded text, byte for byte", async () => {
    const manifest = await readManifest();
    expect(manifest.sources).toHaveLength(4);
    for (const source of manifest.sources) {
      const page = await readFile(join(specsDir, source.page), "utf8");
      const vendored = await readFile(join(specsDir, source.definition), "utf8");
      const { text } = extractEmbeddedDefinition(page, source.page);
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

describe("the authored GET /v3/avatars operation", () => {
  test("records its provenance, naming the guide page it was written from", async () => {
    const text = await readFile(join(specsDir, "v3/authored/list-avatar-groups.yaml"), "utf8");
    const op = parse(text).paths["/v3/avatars"].get;
    expect(op.operationId).toBe("listAvatarGroups");
    const provenance = op["x-heygen-provenance"];
    expect(provenance.page).toBe("pages/003_d95fbffb183dd02f.txt");
    const guide = await readFile(join(specsDir, provenance.page), "utf8");
    expect(guide).toContain("GET /v3/avatars");
    expect(guide).toContain("next_token");
  });

  test("mirrors the guide: ownership public|private, limit 1-50 default 20, token", async () => {
    const bundled = JSON.parse(await readFile(join(specsDir, "v3/openapi.json"), "utf8"));
    const params = Object.fromEntries(
      bundled.paths["/v3/avatars"].get.parameters.map((p: { name: string; schema: unknown }) => [
        p.name,
        p.schema,
      ]),
    );
    expect(params.ownership).toEqual({ type: "string", enum: ["public", "private"] });
    expect(params.limit).toEqual({ type: "integer", minimum: 1, maximum: 50, default: 20 });
    expect(params.token).toEqual({ type: "string" });
    const errors = bundled.paths["/v3/avatars"].get.responses;
    expect(Object.keys(errors)).toEqual(["200", "400", "401", "429"]);
    expect(errors["429"].headers["Retry-After"].schema.type).toBe("integer");
  });
});
