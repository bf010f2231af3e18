import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { bundleApi } from "../src/bundle.mjs";
import { validateExamples } from "../src/examples.mjs";
import { readManifest, specsDir } from "../src/manifest.mjs";
import { mergeDefinitions } from "../src/merge.mjs";
import { parseSpecText } from "../src/parse.mjs";

async function upstreamOnly(api: "v2" | "v3") {
  const manifest = await readManifest();
  const parts = [];
  for (const source of manifest.sources.filter((s) => s.api === api && s.role === "source")) {
    const text = await readFile(join(specsDir, source.definition), "utf8");
    parts.push({
      file: source.definition,
      doc: parseSpecText(text, source.definition) as Record<string, unknown>,
    });
  }
  return mergeDefinitions(parts);
}

describe.each(["v2", "v3"] as const)("every example in the bundled %s spec", (api) => {
  test("validates against its schema (ajv, JSON Schema 2020-12)", async () => {
    const bundled = JSON.parse(await readFile(join(specsDir, api, "openapi.json"), "utf8"));
    const { checked, violations } = validateExamples(bundled);
    expect(checked).toBeGreaterThan(2);
    expect(violations).toEqual([]);
  });
});

describe("the corrections are needed", () => {
  test("the uncorrected v2 upstream contradicts its own examples in the documented ways", async () => {
    const { violations } = validateExamples(await upstreamOnly("v2"));
    const messages = violations.map((v) => v.message);
    expect(messages).toContain("/error must be string");
    expect(messages).toContain("/data/photo_avatar_list/0/created_at must be integer");
    expect(messages).toContain("/data/avatar_list/0/business_type must be string");
    expect(messages).toContain("/data/background_sound_effect/file_meta/properties must be object");
    expect(violations.length).toBe(26);
  });

  test("the v2 bundle has one look component used by all three operations", async () => {
    const { document } = await bundleApi("v2");
    const text = JSON.stringify(document.paths);
    expect(text.match(/#\/components\/schemas\/PhotoAvatarLook/g)).toHaveLength(3);
    expect(text.match(/#\/components\/schemas\/V2Envelope/g)).toHaveLength(3);
    const look = document.components.schemas.PhotoAvatarLook;
    expect(look.required).toEqual(
      expect.arrayContaining(["id", "created_at", "motion_preview_url", "moderation_msg"]),
    );
    expect(look.properties.created_at.type).toBe("number");
    expect(look.properties.default_voice_id.type).toEqual(["string", "null"]);
  });
});
