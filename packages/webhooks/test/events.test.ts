import { describe, expect, it } from "vitest";
import { isWebhookEvent, parseWebhookEvent, WebhookParseError } from "../src/index.js";

function failure(body: string): WebhookParseError {
  try {
    parseWebhookEvent(body);
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookParseError);
    return error as WebhookParseError;
  }
  throw new Error("expected a WebhookParseError");
}

describe("parseWebhookEvent", () => {
  it("parses a documented event as sent, extra fields kept", () => {
    const sent = {
      event_id: "evt_1",
      event_type: "avatar_video.success",
      created_at: "2026-12-01T12:00:00Z",
      event_data: {
        video_id: "v_1",
        url: "https://files.example/v.mp4",
        callback_id: null,
        folder_id: "f_1",
      },
    };
    const event = parseWebhookEvent(JSON.stringify(sent));
    expect(event).toEqual(sent);
    expect(isWebhookEvent(event, "avatar_video.success")).toBe(true);
    expect(isWebhookEvent(event, "avatar_video.fail")).toBe(false);
    if (isWebhookEvent(event, "avatar_video.success"))
      expect(event.event_data.url).toBe(sent.event_data.url);
  });

  it("parses bytes too", () => {
    const body = Buffer.from(
      JSON.stringify({
        event_type: "video_translate.fail",
        event_data: { video_translate_id: "t", message: "no" },
      }),
    );
    const event = parseWebhookEvent(body);
    expect(isWebhookEvent(event, "video_translate.fail") && event.event_data.message).toBe("no");
  });

  it("keeps an event type it does not know as a generic event", () => {
    const event = parseWebhookEvent(
      JSON.stringify({ event_type: "hologram.success", event_data: { id: 1 } }),
    );
    expect(event.event_type).toBe("hologram.success");
    expect(event.event_data).toEqual({ id: 1 });
  });

  it("keeps spec types without documented fields as open payloads", () => {
    const event = parseWebhookEvent(
      JSON.stringify({
        event_type: "proofread_creation.success",
        event_data: { proofread_id: "p" },
      }),
    );
    expect(isWebhookEvent(event, "proofread_creation.success")).toBe(true);
    expect(event.event_data).toEqual({ proofread_id: "p" });
  });

  it("rejects what is not an event, naming the field, never quoting the body", () => {
    expect(failure("{not json").reason).toBe("invalid_json");
    expect(failure("[1]").reason).toBe("invalid_event");
    expect(failure('{"event_data":{}}').field).toBe("event_type");
    expect(failure('{"event_type":"x","event_data":[]}').field).toBe("event_data");
    expect(failure('{"event_type":"x","event_data":{},"event_id":3}').field).toBe("event_id");
    const missing = failure(
      '{"event_type":"avatar_video.success","event_data":{"video_id":"secret-ish-v","url":7}}',
    );
    expect(missing.reason).toBe("invalid_payload");
    expect(missing.field).toBe("event_data.url");
    expect(missing.message).not.toContain("secret-ish-v");
    expect(
      failure(
        '{"event_type":"avatar_video.fail","event_data":{"video_id":"v","msg":"m","callback_id":5}}',
      ).field,
    ).toBe("event_data.callback_id");
  });
});
