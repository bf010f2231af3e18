import type { WebhookEventType as SpecWebhookEventType } from "@heygen-openapi/types";
import { WebhookParseError } from "./errors.js";
import {
  DOCUMENTED_PAYLOADS,
  type DocumentedEventType,
  type DocumentedPayload,
} from "./payloads.js";
import type { RawWebhookBody } from "./scheme.js";

/** An event type of HeyGen's published definition (`WebhookEventType`, generated from the spec). */
export type WebhookEventType = SpecWebhookEventType;

/** The `event_data` of event type `T`: the documented fields, or an open object. */
export type WebhookEventData<T extends string> = T extends DocumentedEventType
  ? DocumentedPayload<T>
  : Record<string, unknown>;

/**
 * A HeyGen webhook event of type `T`, as delivered: `event_type` and `event_data`, plus
 * `event_id` and `created_at` (ISO 8601) when the delivery carries them (the events listing,
 * `GET /v3/webhooks/events`, always does).
 */
export interface WebhookEvent<T extends string = WebhookEventType> {
  event_type: T;
  event_data: WebhookEventData<T>;
  event_id?: string;
  created_at?: string;
}

/** Every event type of the spec, as a union discriminated by `event_type`. */
export type HeyGenWebhookEvent = { [T in WebhookEventType]: WebhookEvent<T> }[WebhookEventType];

/** An event whose type this version does not know (HeyGen added one): still a typed event. */
export interface UnknownWebhookEvent {
  event_type: string;
  event_data: Record<string, unknown>;
  event_id?: string;
  created_at?: string;
}

/**
 * What {@link parseWebhookEvent} returns: a spec event or an unknown one. Narrow it with
 * {@link isWebhookEvent} (a plain `switch` on `event_type` cannot tell a known type from an
 * unknown string).
 */
export type ParsedWebhookEvent = HeyGenWebhookEvent | UnknownWebhookEvent;

/**
 * Parses a webhook body into a typed event. Checks that it is JSON with a string `event_type`
 * and an object `event_data`, and, for the types HeyGen documents, the documented fields. The
 * data is returned as sent (nothing dropped or renamed). Throws a `WebhookParseError` (with a
 * `reason` and the `field` at fault) otherwise. Verify the signature first (`verifyWebhook`).
 *
 * @example
 * const event = parseWebhookEvent(rawBody);
 * if (isWebhookEvent(event, "avatar_video.success")) await publish(event.event_data.url);
 */
export function parseWebhookEvent(rawBody: RawWebhookBody): ParsedWebhookEvent {
  const text =
    typeof rawBody === "string"
      ? rawBody
      : rawBody instanceof Uint8Array
        ? Buffer.from(rawBody).toString("utf8")
        : undefined;
  if (text === undefined) {
    throw new TypeError(
      "parseWebhookEvent: rawBody must be the body as received (a string or bytes)",
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WebhookParseError("invalid_json", "The webhook body is not valid JSON.");
  }
  if (!isObject(value)) {
    throw new WebhookParseError("invalid_event", "The webhook body is not a JSON object.");
  }
  const { event_type, event_data, event_id, created_at } = value;
  if (typeof event_type !== "string" || event_type === "") {
    throw new WebhookParseError(
      "invalid_event",
      "The webhook event has no string event_type.",
      "event_type",
    );
  }
  if (!isObject(event_data)) {
    throw new WebhookParseError(
      "invalid_event",
      "The webhook event's event_data is not an object.",
      "event_data",
    );
  }
  for (const [name, field] of [
    ["event_id", event_id],
    ["created_at", created_at],
  ] as const) {
    if (field !== undefined && typeof field !== "string") {
      throw new WebhookParseError(
        "invalid_event",
        `The webhook event's ${name} is not a string.`,
        name,
      );
    }
  }
  if (Object.hasOwn(DOCUMENTED_PAYLOADS, event_type)) {
    const rules = DOCUMENTED_PAYLOADS[event_type as DocumentedEventType];
    for (const name of rules.required) {
      if (typeof event_data[name] !== "string") {
        throw new WebhookParseError(
          "invalid_payload",
          `A ${event_type} event needs event_data.${name} (a string).`,
          `event_data.${name}`,
        );
      }
    }
    for (const name of rules.optional) {
      const field = event_data[name];
      if (field !== undefined && field !== null && typeof field !== "string") {
        throw new WebhookParseError(
          "invalid_payload",
          `A ${event_type} event's event_data.${name} must be a string or null.`,
          `event_data.${name}`,
        );
      }
    }
  }
  // Checked above: a string event_type, an object event_data, and the documented fields.
  return value as unknown as ParsedWebhookEvent;
}

/**
 * Whether `event` is of type `type`, narrowing it to that event's payload.
 * @example
 * if (isWebhookEvent(event, "video_translate.fail")) log(event.event_data.message);
 */
export function isWebhookEvent<T extends WebhookEventType>(
  event: ParsedWebhookEvent,
  type: T,
): event is Extract<ParsedWebhookEvent, WebhookEvent<T>> {
  return event.event_type === type;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
