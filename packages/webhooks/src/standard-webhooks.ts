import { createHmac, timingSafeEqual } from "node:crypto";
import { WebhookVerificationError } from "./errors.js";
import { headerValues } from "./headers.js";
import type { RawWebhookBody, WebhookScheme } from "./scheme.js";
import { secretKey } from "./secret.js";

/** The header names of the Standard Webhooks scheme. */
export type StandardWebhookHeaderName = "webhook-id" | "webhook-timestamp" | "webhook-signature";

/** The headers {@link standardWebhooks} signs a delivery with. */
export type StandardWebhookHeaders = Record<StandardWebhookHeaderName, string>;

const ID = "webhook-id";
const TIMESTAMP = "webhook-timestamp";
const SIGNATURE = "webhook-signature";
const VERSION = "v1";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The Standard Webhooks scheme (standardwebhooks.com), which HeyGen's `whsec_` secrets follow:
 * `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, a space-separated
 * list of `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, keyed by the base64-decoded
 * text after `whsec_`. Verification compares in constant time and tries every signature against
 * every secret, so a sender's and a receiver's rotations can overlap.
 */
export const standardWebhooks: WebhookScheme<StandardWebhookHeaderName> = {
  name: "standard-webhooks",
  sign({ secret, id, timestamp, body }) {
    if (typeof id !== "string" || id === "" || /\s/.test(id)) {
      throw new TypeError("signWebhook: id must be a non-empty string without whitespace");
    }
    const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
    if (!Number.isSafeInteger(seconds) || seconds < 0) {
      throw new TypeError(
        "signWebhook: timestamp must be whole Unix seconds (>= 0) or a valid Date",
      );
    }
    const key = secretKey(secret, "signWebhook: secret");
    const signature = mac(key, id, seconds, bytesOf(body, "signWebhook: body")).toString("base64");
    return { [ID]: id, [TIMESTAMP]: String(seconds), [SIGNATURE]: `${VERSION},${signature}` };
  },
  verify(rawBody, headers, { secrets, toleranceSeconds, nowSeconds }) {
    const body = bytesOf(rawBody, "verifyWebhook: rawBody");
    const keys = secrets.map((secret, i) =>
      secretKey(
        secret,
        secrets.length === 1 ? "verifyWebhook: secret" : `verifyWebhook: secrets[${i}]`,
      ),
    );
    const id = single(headers, ID);
    const timestampText = single(headers, TIMESTAMP);
    if (!/^\d{1,15}$/.test(timestampText)) {
      throw new WebhookVerificationError(
        "malformed_header",
        `Webhook verification failed: ${TIMESTAMP} must be whole Unix seconds.`,
        TIMESTAMP,
      );
    }
    const timestamp = Number(timestampText);
    if (nowSeconds - timestamp > toleranceSeconds) {
      throw new WebhookVerificationError(
        "timestamp_too_old",
        `Webhook verification failed: ${TIMESTAMP} is more than ${toleranceSeconds} s in the past (a late or replayed delivery).`,
        TIMESTAMP,
      );
    }
    if (timestamp - nowSeconds > toleranceSeconds) {
      throw new WebhookVerificationError(
        "timestamp_too_new",
        `Webhook verification failed: ${TIMESTAMP} is more than ${toleranceSeconds} s in the future (check the clocks).`,
        TIMESTAMP,
      );
    }
    const signatures = signaturesOf(headers);
    const expected = keys.map((key) => mac(key, id, timestamp, body));
    for (const { version, value } of signatures) {
      if (version !== VERSION || !BASE64.test(value)) continue;
      const given = Buffer.from(value, "base64");
      for (const candidate of expected) {
        if (given.length === candidate.length && timingSafeEqual(given, candidate)) {
          return { scheme: "standard-webhooks", id, timestamp };
        }
      }
    }
    throw new WebhookVerificationError(
      "no_matching_signature",
      `Webhook verification failed: no ${VERSION} signature in ${SIGNATURE} matches the body under the ${
        keys.length === 1 ? "given secret" : `${keys.length} given secrets`
      } (a changed body, or a wrong or rotated-out secret).`,
    );
  },
};

function mac(key: Buffer, id: string, timestamp: number, body: Uint8Array): Buffer {
  return createHmac("sha256", key).update(`${id}.${timestamp}.`, "utf8").update(body).digest();
}

function bytesOf(body: RawWebhookBody, where: string): Uint8Array {
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof Uint8Array) return body;
  throw new TypeError(
    `${where} must be the raw body as received (a string or bytes), not parsed JSON: re-serializing changes the bytes that were signed`,
  );
}

/** The one value of a header the scheme needs exactly once. */
function single(headers: Parameters<typeof headerValues>[0], name: string): string {
  const values = headerValues(headers, name).map((v) => v.trim());
  if (values.length === 0 || values.every((v) => v === "")) {
    throw new WebhookVerificationError(
      "missing_header",
      `Webhook verification failed: the ${name} header is missing.`,
      name,
    );
  }
  if (values.length > 1 && values.some((v) => v !== values[0])) {
    throw new WebhookVerificationError(
      "malformed_header",
      `Webhook verification failed: the ${name} header is given more than once.`,
      name,
    );
  }
  return values[0]!;
}

/** Every `version,signature` pair of the signature header(s). */
function signaturesOf(
  headers: Parameters<typeof headerValues>[0],
): { version: string; value: string }[] {
  const tokens = headerValues(headers, SIGNATURE)
    .flatMap((v) => v.split(/\s+/))
    // A Fetch `Headers` joins a repeated header with ", ": drop that comma from the token before it.
    .map((t) => (/^[^,]+,.+,$/.test(t) ? t.slice(0, -1) : t))
    .filter((t) => t !== "");
  if (tokens.length === 0) {
    throw new WebhookVerificationError(
      "missing_header",
      `Webhook verification failed: the ${SIGNATURE} header is missing.`,
      SIGNATURE,
    );
  }
  const pairs = tokens
    .map((token) => {
      const comma = token.indexOf(",");
      return comma > 0
        ? { version: token.slice(0, comma), value: token.slice(comma + 1) }
        : undefined;
    })
    .filter((p): p is { version: string; value: string } => p !== undefined);
  if (pairs.length === 0) {
    throw new WebhookVerificationError(
      "malformed_header",
      `Webhook verification failed: ${SIGNATURE} holds no "version,signature" entry.`,
      SIGNATURE,
    );
  }
  return pairs;
}
