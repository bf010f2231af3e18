import type { WebhookEventType as SpecEventType } from "@heygen-openapi/types";
import { describe, expectTypeOf, it } from "vitest";
import {
  type HeyGenWebhookEvent,
  isWebhookEvent,
  type ParsedWebhookEvent,
  parseWebhookEvent,
  type WebhookEvent,
  type WebhookEventType,
} from "../src/index.js";

describe("event types", () => {
  it("are the spec's WebhookEventType, not a copy", () => {
    expectTypeOf<WebhookEventType>().toEqualTypeOf<SpecEventType>();
    expectTypeOf<HeyGenWebhookEvent["event_type"]>().toEqualTypeOf<SpecEventType>();
  });

  it("narrow to the documented payload", () => {
    const event = parseWebhookEvent("{}");
    expectTypeOf(event).toEqualTypeOf<ParsedWebhookEvent>();
    if (isWebhookEvent(event, "avatar_video.success")) {
      expectTypeOf(event.event_data.video_id).toEqualTypeOf<string>();
      expectTypeOf(event.event_data.url).toEqualTypeOf<string>();
      expectTypeOf(event.event_data.callback_id).toEqualTypeOf<string | null | undefined>();
    }
    if (isWebhookEvent(event, "video_translate.fail")) {
      expectTypeOf(event.event_data.message).toEqualTypeOf<string>();
    }
    // @ts-expect-error not an event type of the spec
    isWebhookEvent(event, "avatar_video.done");
    expectTypeOf<WebhookEvent<"proofread_creation.success">["event_data"]>().toEqualTypeOf<
      Record<string, unknown>
    >();
  });
});
