import type { WebhookSignInput } from "./scheme.js";
import { type StandardWebhookHeaders, standardWebhooks } from "./standard-webhooks.js";

/**
 * Signs one delivery with the Standard Webhooks scheme and returns the headers to send with it
 * (as a sender, or a fake HeyGen, does).
 *
 * @example
 * const body = JSON.stringify({ event_type: "avatar_video.success", event_data: { video_id, url } });
 * const headers = signWebhook({ secret: "whsec_...", id: "msg_1", timestamp: new Date(), body });
 * await fetch(receiverUrl, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
 */
export function signWebhook(input: WebhookSignInput): StandardWebhookHeaders {
  return standardWebhooks.sign(input);
}
