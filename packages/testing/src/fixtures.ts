import type { AvatarGroup, PhotoAvatarLook } from "./api-types.js";
import { exampleAddedLook, exampleAvatarGroup, examplePresetLooks } from "./examples.js";
import { createRandom } from "./random.js";

/** Who owns an avatar group: HeyGen's presets are `public`, the account's own are `private`. */
export type Ownership = "public" | "private";

/** Options of {@link createFixtures}. */
export interface FixtureOptions {
  /** Same seed, same sequence of fixtures. Defaults to 1. */
  seed?: number;
}

/** Overrides for {@link Fixtures.avatarGroup}: any field, plus the group's ownership. */
export type AvatarGroupOverrides = Partial<AvatarGroup> & { ownership?: Ownership };

/**
 * Factories for schema-valid HeyGen objects, modelled on the spec examples. Each call returns a
 * new object with fresh, deterministic ids and timestamps; overrides win over generated values.
 */
export interface Fixtures {
  /**
   * A v3 avatar group. Public groups look like HeyGen's presets (no training status, no
   * consent); private groups are completed, consented custom avatars.
   */
  avatarGroup(overrides?: AvatarGroupOverrides): AvatarGroup;
  /** A v2 photo avatar look, `completed` unless `status` is overridden. */
  photoAvatarLook(overrides?: Partial<PhotoAvatarLook>): PhotoAvatarLook;
}

// Names the spec examples use (Anna, Monica, Claire, Dua) are left to the seeded examples.
const PRESET_NAMES = [
  "Abigail",
  "Brandon",
  "Chen",
  "Daisy",
  "Edward",
  "Fatima",
  "Gabriel",
  "Hana",
  "Ivan",
  "Jasmine",
  "Kenji",
  "Leah",
  "Marcus",
  "Nora",
  "Oscar",
  "Priya",
];
const PRIVATE_NAMES = ["Founder", "Studio Portrait", "Sales Lead", "Support Agent", "Trainer"];
const LOOK_NAMES = ["Outside 3", "Smoothie", "Dua Casual", "Office", "Studio", "Outdoor", "Casual"];
const GENDERS = ["female", "male"] as const;
const FIRST_CREATED_AT = exampleAvatarGroup.created_at;
const DAY = 86_400;

/**
 * Creates fixture factories for a seed.
 *
 * @example
 * const fx = createFixtures({ seed: 7 });
 * const group = fx.avatarGroup({ ownership: "private", name: "Ops" });
 * const look = fx.photoAvatarLook({ group_id: group.id, status: "pending" });
 */
export function createFixtures(options: FixtureOptions = {}): Fixtures {
  const random = createRandom(options.seed ?? 1, "fixtures");
  let groups = 0;
  const named = { public: 0, private: 0 };
  let looks = 0;
  return {
    avatarGroup(overrides = {}) {
      const { ownership = "public", ...fields } = overrides;
      const index = groups++;
      const id = fields.id ?? random.hex(32);
      const gender = random.pick(GENDERS);
      const base: AvatarGroup = {
        id,
        name: cycleName(ownership === "public" ? PRESET_NAMES : PRIVATE_NAMES, named[ownership]++),
        created_at: FIRST_CREATED_AT + index * DAY + random.int(DAY),
        looks_count: 1 + random.int(4),
        gender,
        preview_image_url: `https://files2.heygen.ai/avatar/v3/${id}/full/2.2/preview_target.webp`,
        preview_video_url: `https://files2.heygen.ai/avatar/v3/${id}/full/2.2/preview_video_target.mp4`,
        default_voice_id: random.next() < 0.5 ? null : random.hex(32),
        consent_status: ownership === "public" ? null : "approved",
        ...(ownership === "private" ? { status: "completed" as const, error: null } : {}),
      };
      return { ...base, ...fields };
    },
    photoAvatarLook(overrides = {}) {
      const index = looks++;
      const id = random.hex(32);
      const status = overrides.status ?? "completed";
      const template = status === "pending" ? exampleAddedLook : examplePresetLooks[0]!;
      const base: PhotoAvatarLook = {
        ...template,
        id,
        image_url: `https://files2.heygen.ai/image/${random.hex(32)}/original`,
        created_at: FIRST_CREATED_AT + index * 3_600 + random.int(3_600),
        name: random.pick(LOOK_NAMES),
        status,
        group_id: overrides.group_id ?? random.hex(32),
        business_type: random.pick(["uploaded", "generated", null]),
        upscale_availability: upscaleAvailabilityFor(status),
        moderation_msg: moderationMessageFor(status),
      };
      return { ...base, ...overrides };
    },
  };
}

/** The n-th name of a list, numbered from the second round on ("Chen", ..., "Chen 2"). */
function cycleName(names: readonly string[], n: number): string {
  const round = Math.floor(n / names.length);
  return `${names[n % names.length]}${round > 0 ? ` ${round + 1}` : ""}`;
}

/** What HeyGen reports about upscaling a look in `status`. */
export function upscaleAvailabilityFor(status: string): PhotoAvatarLook["upscale_availability"] {
  switch (status) {
    case "completed":
      return { available: true };
    case "pending":
      return { available: false, reason: "Photo avatar look upload not completed" };
    default:
      return { available: false, reason: `Photo avatar look is ${status.replace(/_/g, " ")}` };
  }
}

/** The moderation message HeyGen attaches to a look in `status` (null when nothing to say). */
export function moderationMessageFor(status: string): string | null {
  return status === "moderation_rejected"
    ? "The image was rejected by content moderation: it may not depict a real, consenting person."
    : null;
}
