/**
 * Why a delivery failed verification, as a machine-readable code:
 * - `missing_header`: `webhook-id`, `webhook-timestamp` or `webhook-signature` is absent or empty;
 * - `malformed_header`: a header is present but not in the scheme's format (a repeated id, a
 *   timestamp that is not whole Unix seconds, a signature list with no `version,signature` entry);
 * - `timestamp_too_old` / `timestamp_too_new`: the timestamp is outside the tolerance (replay
 *   protection);
 * - `no_matching_signature`: no signature in the header matches the body under any given secret
 *   (a tampered body, a wrong or rotated-out secret).
 */
export type WebhookVerificationReason =
  | "missing_header"
  | "malformed_header"
  | "timestamp_too_old"
  | "timestamp_too_new"
  | "no_matching_signature";

/**
 * A webhook delivery that failed verification. The message names the header and the reason,
 * never a secret or a signature.
 *
 * @example
 * try {
 *   verifyWebhook(rawBody, request.headers, process.env.HEYGEN_WEBHOOK_SECRET!);
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) return new Response(error.reason, { status: 400 });
 *   throw error;
 * }
 */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
  /** Why verification failed. */
  readonly reason: WebhookVerificationReason;
  /** The header at fault (lowercase), or null when the signature simply did not match. */
  readonly header: string | null;

  constructor(reason: WebhookVerificationReason, message: string, header: string | null = null) {
    super(message);
    this.reason = reason;
    this.header = header;
  }
}

/**
 * Why a webhook body could not be parsed:
 * - `invalid_json`: the body is not JSON;
 * - `invalid_event`: JSON, but not an event (`event_type` string and `event_data` object);
 * - `invalid_payload`: a documented event type whose `event_data` lacks a documented field or
 *   has it with the wrong type.
 */
export type WebhookParseReason = "invalid_json" | "invalid_event" | "invalid_payload";

/**
 * A webhook body that is not a HeyGen event. The message names the field at fault; it never
 * quotes the body.
 */
export class WebhookParseError extends Error {
  override readonly name = "WebhookParseError";
  /** Why parsing failed. */
  readonly reason: WebhookParseReason;
  /** The field at fault (`event_type`, `event_data.video_id`, ...), or null for the whole body. */
  readonly field: string | null;

  constructor(reason: WebhookParseReason, message: string, field: string | null = null) {
    super(message);
    this.reason = reason;
    this.field = field;
  }
}
