import type { WebhookHeaders } from "./headers.js";

/** The raw body of a delivery: the exact bytes received, as text or bytes (never re-serialized JSON). */
export type RawWebhookBody = string | Uint8Array;

/** What a sender signs: one delivery. */
export interface WebhookSignInput {
  /** The signing secret, `whsec_` followed by base64 (as HeyGen shows it on create and rotate). */
  secret: string;
  /** The delivery's unique id (the same on every retry of one delivery). */
  id: string;
  /** When it is sent: whole Unix seconds, or a `Date`. */
  timestamp: number | Date;
  /** The exact body that will be sent. */
  body: RawWebhookBody;
}

/** What a receiver checks, after the options are resolved. */
export interface WebhookVerifyContext {
  /** The secrets to try, in order (more than one while rotating). */
  secrets: readonly string[];
  /** How far (seconds) the delivery's timestamp may be from `nowSeconds`, either way. */
  toleranceSeconds: number;
  /** The receiver's clock, in Unix seconds. */
  nowSeconds: number;
}

/** What a successful verification established about the delivery. */
export interface VerifiedWebhook {
  /** The scheme that verified it, e.g. `"standard-webhooks"`. */
  scheme: string;
  /** The delivery id (use it to drop duplicates: retries carry the same id). */
  id: string;
  /** The signed timestamp, Unix seconds. */
  timestamp: number;
}

/**
 * One way of signing webhook deliveries. The package holds one, {@link standardWebhooks}; a
 * sender with another scheme is one more object of this shape passed as `options.scheme`.
 */
export interface WebhookScheme<HeaderName extends string = string> {
  /** A stable name, reported in {@link VerifiedWebhook.scheme}. */
  readonly name: string;
  /** The headers that carry the signature of `input`. */
  sign(input: WebhookSignInput): Record<HeaderName, string>;
  /** Checks a delivery; throws a `WebhookVerificationError` when it does not verify. */
  verify(
    rawBody: RawWebhookBody,
    headers: WebhookHeaders,
    context: WebhookVerifyContext,
  ): VerifiedWebhook;
}
