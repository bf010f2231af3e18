import { describe, expect, it } from "vitest";
import {
  signWebhook,
  standardWebhooks,
  verifyWebhook,
  type WebhookScheme,
  WebhookVerificationError,
} from "../src/index.js";

// Standard Webhooks' published test vector (the reference libraries' `sign function works`).
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const SECRET = "whsec_dGhpcyBpcyBhIHRlc3Qgc2VjcmV0IG9mIDMyIGJ5dGVzISE=";
const OTHER = "whsec_YW5vdGhlciBzZWNyZXQsIGFsc28gb2YgMzIgYnl0ZXMh";
const NOW = 1_760_000_000;
const at = (seconds: number) => seconds * 1000;
const body = JSON.stringify({
  event_type: "avatar_video.success",
  event_data: { video_id: "v1", url: "https://x/v.mp4" },
});

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason;
  }
  throw new Error("expected a WebhookVerificationError");
}

describe("the Standard Webhooks test vector", () => {
  it("signs it to the published signature", () => {
    const headers = signWebhook(VECTOR);
    expect(headers).toEqual({
      "webhook-id": VECTOR.id,
      "webhook-timestamp": String(VECTOR.timestamp),
      "webhook-signature": VECTOR.signature,
    });
  });

  it("verifies the published signature, with or without the whsec_ prefix, from a Date too", () => {
    const headers = {
      "webhook-id": VECTOR.id,
      "webhook-timestamp": String(VECTOR.timestamp),
      "webhook-signature": VECTOR.signature,
    };
    const now = at(VECTOR.timestamp);
    expect(verifyWebhook(VECTOR.body, headers, VECTOR.secret, { now })).toEqual({
      scheme: "standard-webhooks",
      id: VECTOR.id,
      timestamp: VECTOR.timestamp,
    });
    expect(verifyWebhook(VECTOR.body, headers, VECTOR.secret.slice(6), { now }).id).toBe(VECTOR.id);
    expect(
      signWebhook({ ...VECTOR, timestamp: new Date(at(VECTOR.timestamp)) })["webhook-signature"],
    ).toBe(VECTOR.signature);
  });
});

describe("verifyWebhook", () => {
  const signed = (overrides: Partial<Parameters<typeof signWebhook>[0]> = {}) =>
    signWebhook({ secret: SECRET, id: "msg_1", timestamp: NOW, body, ...overrides });

  it("accepts what signWebhook signed: string or bytes, Headers or a plain record in any case", () => {
    const headers = signed();
    expect(verifyWebhook(body, headers, SECRET, { now: at(NOW) }).id).toBe("msg_1");
    expect(
      verifyWebhook(Buffer.from(body), new Headers(headers), SECRET, { now: new Date(at(NOW)) })
        .timestamp,
    ).toBe(NOW);
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(
      verifyWebhook(new TextEncoder().encode(body), upper, [SECRET], { now: at(NOW) }).id,
    ).toBe("msg_1");
  });

  it("rejects a tampered body, id or timestamp", () => {
    const headers = signed();
    expect(reason(() => verifyWebhook(`${body} `, headers, SECRET, { now: at(NOW) }))).toBe(
      "no_matching_signature",
    );
    expect(
      reason(() =>
        verifyWebhook(body, { ...headers, "webhook-id": "msg_2" }, SECRET, { now: at(NOW) }),
      ),
    ).toBe("no_matching_signature");
    expect(
      reason(() =>
        verifyWebhook(body, { ...headers, "webhook-timestamp": String(NOW + 1) }, SECRET, {
          now: at(NOW),
        }),
      ),
    ).toBe("no_matching_signature");
  });

  it("rejects the wrong secret", () => {
    expect(reason(() => verifyWebhook(body, signed(), OTHER, { now: at(NOW) }))).toBe(
      "no_matching_signature",
    );
  });

  it("accepts any of several secrets (rotation) and any of several signatures", () => {
    const headers = signed();
    expect(verifyWebhook(body, headers, [OTHER, SECRET], { now: at(NOW) }).id).toBe("msg_1");
    const both = {
      ...headers,
      "webhook-signature": `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,abc ${signed({ secret: OTHER })["webhook-signature"]}`,
    };
    expect(verifyWebhook(body, both, OTHER, { now: at(NOW) }).id).toBe("msg_1");
    // A receiver that has only the old secret rejects a delivery signed only with the new one.
    expect(
      reason(() => verifyWebhook(body, signed({ secret: OTHER }), SECRET, { now: at(NOW) })),
    ).toBe("no_matching_signature");
  });

  it("accepts a repeated signature header, as Node and Fetch Headers present it", () => {
    const headers = signed();
    const other = signed({ secret: OTHER })["webhook-signature"];
    const node = { ...headers, "webhook-signature": [other, headers["webhook-signature"]] };
    expect(verifyWebhook(body, node, SECRET, { now: at(NOW) }).id).toBe("msg_1");
    const fetchHeaders = new Headers(headers);
    fetchHeaders.set("webhook-signature", other);
    fetchHeaders.append("webhook-signature", headers["webhook-signature"]);
    expect(verifyWebhook(body, fetchHeaders, SECRET, { now: at(NOW) }).id).toBe("msg_1");
  });

  it("enforces the tolerance both ways, 300 s by default", () => {
    const headers = signed();
    expect(verifyWebhook(body, headers, SECRET, { now: at(NOW + 300) }).id).toBe("msg_1");
    expect(verifyWebhook(body, headers, SECRET, { now: at(NOW - 300) }).id).toBe("msg_1");
    expect(reason(() => verifyWebhook(body, headers, SECRET, { now: at(NOW + 301) }))).toBe(
      "timestamp_too_old",
    );
    expect(reason(() => verifyWebhook(body, headers, SECRET, { now: at(NOW - 301) }))).toBe(
      "timestamp_too_new",
    );
    expect(
      verifyWebhook(body, headers, SECRET, { now: at(NOW + 3600), toleranceSeconds: 3600 }).id,
    ).toBe("msg_1");
    expect(
      reason(() =>
        verifyWebhook(body, headers, SECRET, { now: at(NOW + 11), toleranceSeconds: 10 }),
      ),
    ).toBe("timestamp_too_old");
  });

  it("checks the timestamp before the signature, so a stale replay is reported as stale", () => {
    expect(reason(() => verifyWebhook(`${body}x`, signed(), SECRET, { now: at(NOW + 900) }))).toBe(
      "timestamp_too_old",
    );
  });

  it("names the missing or malformed header", () => {
    const headers = signed();
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ ...headers, "webhook-id": "" }, "missing_header", "webhook-id"],
      [
        {
          "webhook-timestamp": headers["webhook-timestamp"],
          "webhook-signature": headers["webhook-signature"],
        },
        "missing_header",
        "webhook-id",
      ],
      [{ ...headers, "webhook-id": ["a", "b"] }, "malformed_header", "webhook-id"],
      [
        { "webhook-id": "msg_1", "webhook-signature": headers["webhook-signature"] },
        "missing_header",
        "webhook-timestamp",
      ],
      [{ ...headers, "webhook-timestamp": "hello" }, "malformed_header", "webhook-timestamp"],
      [{ ...headers, "webhook-timestamp": `${NOW}.5` }, "malformed_header", "webhook-timestamp"],
      [{ ...headers, "webhook-signature": "  " }, "missing_header", "webhook-signature"],
      [{ ...headers, "webhook-signature": "nocomma" }, "malformed_header", "webhook-signature"],
    ];
    for (const [given, expected, header] of cases) {
      try {
        verifyWebhook(body, given, SECRET, { now: at(NOW) });
        throw new Error(`accepted ${JSON.stringify(given)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(WebhookVerificationError);
        expect((error as WebhookVerificationError).reason).toBe(expected);
        expect((error as WebhookVerificationError).header).toBe(header);
        expect((error as Error).message).toContain(header);
      }
    }
  });

  it("rejects partial and wrong-version signatures", () => {
    const headers = signed();
    for (const signature of [
      headers["webhook-signature"].slice(0, 8),
      "v1,",
      "v1,dawfeoifkpqwoekfpqoekf",
      `v2,${headers["webhook-signature"].slice(3)}`,
    ]) {
      expect(
        reason(() =>
          verifyWebhook(body, { ...headers, "webhook-signature": signature }, SECRET, {
            now: at(NOW),
          }),
        ),
      ).toBe("no_matching_signature");
    }
  });

  it("never puts a secret or a signature in an error", () => {
    const headers = signed();
    const messages: string[] = [];
    const attempts = [
      () => verifyWebhook(`${body}!`, headers, [SECRET, OTHER], { now: at(NOW) }),
      () => verifyWebhook(body, headers, OTHER, { now: at(NOW + 1000) }),
      () => verifyWebhook(body, { ...headers, "webhook-id": "" }, SECRET, { now: at(NOW) }),
      () => verifyWebhook(body, headers, "whsec_not base64!!", { now: at(NOW) }),
      () => verifyWebhook(body, headers, [SECRET, "whsec_"], { now: at(NOW) }),
      () => signWebhook({ secret: "whsec_%%%secret%%%", id: "m", timestamp: NOW, body }),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
        throw new Error("expected a failure");
      } catch (error) {
        messages.push(String((error as Error).message), String((error as Error).stack));
      }
    }
    const text = messages.join("\n");
    for (const secret of [
      SECRET,
      OTHER,
      SECRET.slice(6),
      OTHER.slice(6),
      "not base64",
      "%%%secret%%%",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(headers["webhook-signature"].slice(3));
    expect(text).toContain("secrets[1]");
  });

  it("refuses bad arguments with a TypeError naming them", () => {
    const headers = signed();
    expect(() => verifyWebhook(body, headers, [], { now: at(NOW) })).toThrow(/secrets must be/);
    expect(() => verifyWebhook(JSON.parse(body), headers, SECRET, { now: at(NOW) })).toThrow(
      /not parsed JSON/,
    );
    expect(() => verifyWebhook(body, headers, SECRET, { toleranceSeconds: -1 })).toThrow(
      RangeError,
    );
    expect(() => verifyWebhook(body, headers, SECRET, { now: Number.NaN })).toThrow(/now must be/);
    expect(() => signWebhook({ secret: SECRET, id: "", timestamp: NOW, body })).toThrow(
      /id must be/,
    );
    expect(() => signWebhook({ secret: SECRET, id: "m", timestamp: 1.5, body })).toThrow(
      /timestamp must be/,
    );
  });

  it("takes another scheme as a plain object", () => {
    const prefixed: WebhookScheme<"x-sig"> = {
      name: "prefixed",
      sign: (input) => ({ "x-sig": standardWebhooks.sign(input)["webhook-signature"] }),
      verify: (raw, headers, context) =>
        standardWebhooks.verify(
          raw,
          {
            "webhook-id": "fixed",
            "webhook-timestamp": String(context.nowSeconds),
            "webhook-signature": String((headers as Record<string, string>)["x-sig"]),
          },
          context,
        ),
    };
    const headers = prefixed.sign({ secret: SECRET, id: "fixed", timestamp: NOW, body });
    expect(verifyWebhook(body, headers, SECRET, { now: at(NOW), scheme: prefixed }).id).toBe(
      "fixed",
    );
    expect(
      reason(() => verifyWebhook(body, headers, OTHER, { now: at(NOW), scheme: prefixed })),
    ).toBe("no_matching_signature");
  });
});
