// Temporary local shapes until @heygen-openapi/types lands; replaced by aliases of the
// generated types.

/** A v3 avatar group (`AvatarGroupItem`). */
export interface AvatarGroup {
  id: string;
  name: string;
  created_at: number;
  looks_count: number;
  gender?: string | null;
  preview_image_url?: string | null;
  preview_video_url?: string | null;
  default_voice_id?: string | null;
  consent_status?: string | null;
  status?: AvatarStatus | null;
  error?: AvatarError | null;
}

/** Training status of a v3 avatar group. */
export type AvatarStatus = "processing" | "pending_consent" | "failed" | "completed";

/** Error details of a failed avatar group. */
export interface AvatarError {
  code: string;
  message: string;
}

/** A v2 photo avatar look. */
export interface PhotoAvatarLook {
  id: string;
  image_url: string;
  created_at: number;
  name: string;
  status: string;
  group_id: string;
  is_motion: boolean;
  motion_preview_url: string | null;
  business_type: string | null;
  upscale_availability: { available: boolean; reason?: string };
  upscaled: boolean;
  background_sound_effect: { [key: string]: unknown } | string | null;
  default_voice_id: string | null;
  moderation_msg: string | null;
}

/** HeyGen's v3 error object. */
export interface StandardAPIError {
  code: string;
  message: string;
  param?: string | null;
  doc_url?: string | null;
}
