import type { AvatarGroup, PhotoAvatarLook } from "./api-types.js";

// Values copied from the examples in the bundled specs (v2 photo-avatar-details,
// list-all-avatars-in-one-avatar-group, add-looks-to-photo-avatar-group; v3 AvatarGroupItem).
// `examples.test.ts` checks them against the bundled documents, so drift shows up as a failure.

/** The `data` of the v2 `photo-avatar-details` example (a completed, upscaled motion look). */
export const exampleLookDetails: PhotoAvatarLook = {
  id: "0d9ub062cf7d4d908622c9b3c85c8659",
  image_url:
    "https://files2.heygen.ai/avatar/v3/0d9ub062cf7d4d908622c9b3c85c8659/full/2.2/raw_preview_image.webp",
  created_at: 1760612934,
  name: "Claire",
  status: "completed",
  group_id: "59813b97eb29c494baey49b8e4d85652",
  is_motion: true,
  motion_preview_url:
    "https://files2.heygen.ai/avatar/v3/0d9ub062cf7d4d908622c9b3c85c8659/full/2.2/preview_video_target.mp4",
  business_type: "generated",
  upscale_availability: {
    available: false,
    reason: "The photo avatar look has already been upscaled",
  },
  upscaled: true,
  background_sound_effect: {
    status: "COMPLETED",
    sound_effect_id: "46cyup4691004fdc82865fa77647203e",
    sound_effect_preview_url:
      "https://files2.heygen.ai/avatar/v3/0d2fb062cf7d4d908622c9b3c85c7519/46cfed4691004fdc82865fa77647203e/sound_effect_preview.mp4",
    file_meta: {
      id: "46cfed4691004fdc82865fa77647203e",
      size: 353219,
      duration: 22,
      status: 2,
      mime_type: "audio/mpeg",
      meta: {
        audios: {
          m4a: "https://resource2.heygen.ai/audio/46cyup4691004fdc82865fa77647203e/transcode.m4a",
          mp3: "https://resource2.heygen.ai/audio/46cyup4691004fdc82865fa77647203e/transcode.mp3",
          ogg: "https://resource2.heygen.ai/audio/46cyup4691004fdc82865fa77647203e/transcode.ogg",
          wav: "https://resource2.heygen.ai/audio/46cyup4691004fdc82865fa77647203e/transcode.wav",
        },
        thumbnails: {},
      },
      properties: null,
      created_ts: 1760537735,
    },
  },
  default_voice_id: null,
  moderation_msg: null,
};

/** The two preset looks of the v2 `list-all-avatars-in-one-avatar-group` example. */
export const examplePresetLooks: readonly PhotoAvatarLook[] = [
  {
    id: "0a315279757841e9ad2af34a5f7232ec",
    image_url: "https://files2.heygen.ai/image/be610f15a53640e3a2805438687d124f/original",
    created_at: 1730251663,
    name: "Outside 3",
    status: "completed",
    group_id: "1348c67013e0469c89b303fbd25f4aaa",
    is_motion: false,
    motion_preview_url: null,
    business_type: null,
    upscale_availability: {
      available: false,
      reason: "Preset photo avatar look not supported for upscale",
    },
    upscaled: false,
    background_sound_effect: null,
    default_voice_id: null,
    moderation_msg: null,
  },
  {
    id: "e64fa6ebd10947efb58675c3ea273a6a",
    image_url: "https://files2.heygen.ai/image/4b288efaf3fe46058465febb296ae78a/original",
    created_at: 1730251663,
    name: "Smoothie",
    status: "completed",
    group_id: "1348c67013e0469c89b303fbd25f4aaa",
    is_motion: false,
    motion_preview_url: null,
    business_type: null,
    upscale_availability: {
      available: false,
      reason: "Preset photo avatar look not supported for upscale",
    },
    upscaled: false,
    background_sound_effect: null,
    default_voice_id: null,
    moderation_msg: null,
  },
];

/** The first look of the v2 `add-looks-to-photo-avatar-group` example (a fresh, pending look). */
export const exampleAddedLook: PhotoAvatarLook = {
  id: "cp0832b516144500a10ea1562aa75vbd",
  image_url:
    "https://files2.heygen.ai/photo_generation/a3a2415eaeb84b6291d0722f33bd898c/45919a20-52e6-414b-ade5-071adfe88add.jpg",
  created_at: 1760423811.58612,
  name: "Dua Casual",
  status: "pending",
  group_id: "5981377fb29c4aa4baeb49b8e4d73252",
  is_motion: false,
  motion_preview_url: null,
  business_type: "generated",
  upscale_availability: { available: false, reason: "Photo avatar look upload not completed" },
  upscaled: false,
  background_sound_effect: null,
  default_voice_id: null,
  moderation_msg: null,
};

/** The v3 `AvatarGroupItem` field examples, assembled into one group. */
export const exampleAvatarGroup: AvatarGroup = {
  id: "ag_abc123",
  name: "Anna",
  preview_image_url: "https://files.heygen.ai/avatar/anna_preview.jpg",
  preview_video_url: "https://files.heygen.ai/avatar/anna_preview.mp4",
  gender: "female",
  created_at: 1711929600,
  looks_count: 3,
  default_voice_id: "1bd001e7e50f421d891986aad5c8bbd2",
  consent_status: "approved",
  status: "completed",
  error: null,
};
