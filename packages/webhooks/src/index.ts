/**
 * `@heygen-openapi/webhooks`: verify, sign and parse HeyGen webhook deliveries. Signing is the
 * Standard Webhooks scheme (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,...`,
 * HMAC-SHA256 with the `whsec_` secret); events are typed from HeyGen's published definition.
 * @module
 */
export {
  WebhookParseError,
  type WebhookParseReason,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from "./errors.js";
export {
  type HeyGenWebhookEvent,
  isWebhookEvent,
  type ParsedWebhookEvent,
  parseWebhookEvent,
  type UnknownWebhookEvent,
  type WebhookEvent,
  type WebhookEventData,
  type WebhookEventType,
} from "./events.js";
export type { WebhookHeaders } from "./headers.js";
export type { DocumentedEventType, DocumentedPayload } from "./payloads.js";
export type {
  RawWebhookBody,
  VerifiedWebhook,
  WebhookScheme,
  WebhookSignInput,
  WebhookVerifyContext,
} from "./scheme.js";
export { signWebhook } from "./sign.js";
export {
  type StandardWebhookHeaderName,
  type StandardWebhookHeaders,
  standardWebhooks,
} from "./standard-webhooks.js";
export { DEFAULT_TOLERANCE_SECONDS, type VerifyWebhookOptions, verifyWebhook } from "./verify.js";
