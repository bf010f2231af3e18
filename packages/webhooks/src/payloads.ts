import type { WebhookEventType } from "@heygen-openapi/types";

/**
 * The `event_data` fields HeyGen documents per event type ("Webhook Events" in HeyGen's docs;
 * the published OpenAPI definition types `event_data` only as an open object). Every listed
 * field is a string; `required` ones are in every delivery of that type, `optional` ones in
 * newer ones (and may be null). Types without documented fields are open objects. This table is
 * the one source of both the payload types and the checks `parseWebhookEvent` runs.
 */
export const DOCUMENTED_PAYLOADS = {
  "avatar_video.success": { required: ["video_id", "url"], optional: ["callback_id"] },
  "avatar_video.fail": { required: ["video_id", "msg"], optional: ["callback_id"] },
  // "avatar_video_gif payload is the same as avatar_video."
  "avatar_video_gif.success": { required: ["video_id", "url"], optional: ["callback_id"] },
  "avatar_video_gif.fail": { required: ["video_id", "msg"], optional: ["callback_id"] },
  "video_translate.success": {
    required: ["video_translate_id", "url"],
    optional: ["callback_id", "output_language"],
  },
  "video_translate.fail": {
    required: ["video_translate_id", "message"],
    optional: ["callback_id", "output_language"],
  },
  personalized_video: {
    required: ["project_id", "video_id"],
    optional: ["video_url", "landing_page_url", "gif_url", "gif_html"],
  },
} as const satisfies Partial<
  Record<WebhookEventType, { required: readonly string[]; optional: readonly string[] }>
>;

/** An event type whose `event_data` fields HeyGen documents. */
export type DocumentedEventType = keyof typeof DOCUMENTED_PAYLOADS;

type Fields<T extends DocumentedEventType> = (typeof DOCUMENTED_PAYLOADS)[T];

/**
 * The documented `event_data` of event type `T`: its documented string fields, and whatever
 * else HeyGen sends (as `unknown`, never dropped).
 */
export type DocumentedPayload<T extends DocumentedEventType> = {
  [K in Fields<T>["required"][number]]: string;
} & { [K in Fields<T>["optional"][number]]?: string | null } & { [field: string]: unknown };
