import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import {
  exampleAddedLook,
  exampleAvatarGroup,
  exampleLookDetails,
  examplePresetLooks,
} from "./examples.js";
import { createFixtures } from "./fixtures.js";

const require = createRequire(import.meta.url);
const v2 = require("@heygen-openapi/types/v2/openapi.json");
const v3 = require("@heygen-openapi/types/v3/openapi.json");
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(v2, "v2");
ajv.addSchema(v3, "v3");
const isGroup = ajv.compile({ $ref: "v3#/components/schemas/AvatarGroupItem" });
const isLook = ajv.compile({ $ref: "v2#/components/schemas/PhotoAvatarLook" });

describe("fixtures", () => {
  it("build schema-valid groups and looks of every kind", () => {
    const fx = createFixtures({ seed: 3 });
    const groups = [
      ...Array.from({ length: 20 }, () => fx.avatarGroup()),
      ...Array.from({ length: 5 }, () => fx.avatarGroup({ ownership: "private" })),
    ];
    for (const group of groups) expect(isGroup(group), ajv.errorsText(isGroup.errors)).toBe(true);
    for (const status of ["completed", "pending", "failed", "moderation_rejected", "in_appeal"]) {
      const look = fx.photoAvatarLook({ status });
      expect(isLook(look), ajv.errorsText(isLook.errors)).toBe(true);
    }
  });

  it("are deterministic for a seed, different across seeds, unique within a run", () => {
    const run = (seed: number) => {
      const fx = createFixtures({ seed });
      return [fx.avatarGroup(), fx.avatarGroup({ ownership: "private" }), fx.photoAvatarLook()];
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)[0]!.id).not.toBe(run(6)[0]!.id);
    const fx = createFixtures();
    const ids = Array.from({ length: 200 }, () => fx.avatarGroup().id);
    expect(new Set(ids).size).toBe(200);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  });

  it("model public presets and private avatars as the spec describes them", () => {
    const fx = createFixtures();
    const preset = fx.avatarGroup({ ownership: "public" });
    expect(preset.consent_status).toBeNull();
    expect(preset).not.toHaveProperty("status");
    const own = fx.avatarGroup({ ownership: "private" });
    expect(own).toMatchObject({ status: "completed", consent_status: "approved", error: null });
    expect(own).not.toHaveProperty("ownership");
  });

  it("let overrides win, and derive moderation and upscale fields from the status", () => {
    const fx = createFixtures();
    expect(fx.avatarGroup({ id: "g1", name: "Mine" })).toMatchObject({ id: "g1", name: "Mine" });
    expect(fx.avatarGroup({ id: "g1" }).preview_image_url).toContain("/g1/");
    const rejected = fx.photoAvatarLook({ status: "moderation_rejected", group_id: "g1" });
    expect(rejected.group_id).toBe("g1");
    expect(rejected.moderation_msg).toMatch(/moderation/);
    expect(rejected.upscale_availability.available).toBe(false);
    expect(fx.photoAvatarLook({ status: "pending" }).upscale_availability).toEqual({
      available: false,
      reason: "Photo avatar look upload not completed",
    });
  });
});

describe("the example templates", () => {
  const exampleOf = (doc: typeof v2, path: string, method: string) =>
    doc.paths[path][method].responses["200"].content["application/json"].examples.Result.value;
  const withoutQuery = (look: { image_url: string }) => ({
    ...look,
    image_url: look.image_url.split("?")[0],
  });

  it("match the examples in the bundled specs (signed URL query strings aside)", () => {
    const details = exampleOf(v2, "/v2/photo_avatar/{id}", "get").data;
    expect(exampleLookDetails).toEqual(withoutQuery(details));
    const listed = exampleOf(v2, "/v2/avatar_group/{group_id}/avatars", "get").data.avatar_list;
    expect(examplePresetLooks).toEqual(listed.map(withoutQuery));
    const added = exampleOf(v2, "/v2/photo_avatar/avatar_group/add", "post").data
      .photo_avatar_list[0];
    expect(exampleAddedLook).toEqual(withoutQuery(added));
    const item = v3.components.schemas.AvatarGroupItem.properties;
    for (const [field, value] of Object.entries(exampleAvatarGroup)) {
      if (value === null) continue;
      expect(item[field].examples, field).toContain(value);
    }
  });

  it("are valid against the schemas", () => {
    for (const look of [exampleLookDetails, ...examplePresetLooks, exampleAddedLook]) {
      expect(isLook(look), ajv.errorsText(isLook.errors)).toBe(true);
    }
    expect(isGroup(exampleAvatarGroup), ajv.errorsText(isGroup.errors)).toBe(true);
  });
});
