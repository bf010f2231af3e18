import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRedactor, redactHeaders, scrubBody, scrubHeaders } from "../src/redact.js";

describe("redaction", () => {
  it("removes every occurrence of the secret from any text", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
        fc.array(fc.string()),
        (secret, parts) => {
          // a secret inside the mark itself ("edac") cannot be told apart from the mark
          fc.pre(!"[redacted]".includes(secret));
          const text = parts.join(secret) + secret;
          return !createRedactor([secret])(text).includes(secret);
        },
      ),
    );
  });

  it("masks credential headers and scrubs echoed secrets in others", () => {
    const r = createRedactor(["s3cret"]);
    const out = redactHeaders(
      new Headers({
        "x-api-key": "s3cret",
        authorization: "Bearer t",
        "x-echo": "key=s3cret",
        a: "b",
      }),
      r,
    );
    expect(out).toEqual({
      "x-api-key": "[redacted]",
      authorization: "[redacted]",
      "x-echo": "key=[redacted]",
      a: "b",
    });
  });

  it("scrubs a secret as JSON.stringify spells it inside a string", () => {
    const r = createRedactor(['a"b\\c']);
    expect(r(JSON.stringify({ m: 'x a"b\\c y' }))).toBe('{"m":"x [redacted] y"}');
    expect(r('plain a"b\\c')).toBe("plain [redacted]");
  });

  it("scrubs copies of headers and bodies for errors, leaving clean ones as they are", () => {
    const r = createRedactor(["s3cret"]);
    const h = new Headers({ "x-request-id": "req-s3cret", "set-cookie": "a=s3cret", a: "b" });
    const out = scrubHeaders(h, r);
    expect([...out]).toEqual([
      ["a", "b"],
      ["set-cookie", "a=[redacted]"],
      ["x-request-id", "req-[redacted]"],
    ]);
    // the original is the server's and stays as it came
    expect(h.get("x-request-id")).toBe("req-s3cret");
    const clean = { data: { id: "g" } };
    expect(scrubBody(clean, r)).toBe(clean);
    expect(scrubBody({ error: { message: "key s3cret" } }, r)).toEqual({
      error: { message: "key [redacted]" },
    });
    expect(scrubBody("html s3cret", r)).toBe("html [redacted]");
    // a secret spelt with JSON escapes in the text is one string once parsed, and found there
    expect(scrubBody(JSON.parse('{"m":"\\u0073\\u0033cret"}'), r)).toEqual({
      m: "[redacted]",
    });
  });
});
