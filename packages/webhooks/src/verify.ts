import type { WebhookHeaders } from "./headers.js";
import type { RawWebhookBody, VerifiedWebhook, WebhookScheme } from "./scheme.js";
import { standardWebhooks } from "./standard-webhooks.js";

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** How far the signed timestamp may be from now, either way, in seconds. Defaults to 300. */
  toleranceSeconds?: number;
  /** The receiver's clock: a `Date`, or milliseconds since the epoch. Defaults to now. */
  now?: Date | number;
  /** The signing scheme. Defaults to {@link standardWebhooks}, the scheme HeyGen's `whsec_` secrets follow. */
  scheme?: WebhookScheme;
}

/** The default tolerance of {@link verifyWebhook}: 5 minutes, as Standard Webhooks recommends. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Checks that a delivery was signed with one of `secrets` (Standard Webhooks scheme by default),
 * within the timestamp tolerance. Pass the raw body exactly as received. Returns the delivery's
 * id and timestamp; throws a `WebhookVerificationError` (with a `reason`) when it does not
 * verify, and a `TypeError` for a malformed secret or option. No error quotes a secret.
 *
 * @example
 * // Node http: read the raw body first, then verify, then parse.
 * const raw = Buffer.concat(await Array.fromAsync(req));
 * verifyWebhook(raw, req.headers, [process.env.HEYGEN_WEBHOOK_SECRET!, previousSecret]);
 * const event = parseWebhookEvent(raw);
 */
export function verifyWebhook(
  rawBody: RawWebhookBody,
  headers: WebhookHeaders,
  secrets: string | readonly string[],
  options: VerifyWebhookOptions = {},
): VerifiedWebhook {
  const list = typeof secrets === "string" ? [secrets] : secrets;
  if (!Array.isArray(list) || list.length === 0) {
    throw new TypeError("verifyWebhook: secrets must be a secret or a non-empty list of secrets");
  }
  if (typeof headers !== "object" || headers === null) {
    throw new TypeError(
      "verifyWebhook: headers must be a Headers object or a record of header values",
    );
  }
  const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!(Number.isFinite(toleranceSeconds) && toleranceSeconds >= 0)) {
    throw new RangeError("verifyWebhook: toleranceSeconds must be a number >= 0");
  }
  const nowMs =
    options.now === undefined
      ? Date.now()
      : options.now instanceof Date
        ? options.now.getTime()
        : options.now;
  if (!Number.isFinite(nowMs)) {
    throw new TypeError("verifyWebhook: now must be a valid Date or milliseconds since the epoch");
  }
  const scheme = options.scheme ?? standardWebhooks;
  return scheme.verify(rawBody, headers, {
    secrets: list,
    toleranceSeconds,
    nowSeconds: Math.floor(nowMs / 1000),
  });
}
