import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRedactor, redactHeaders } from "../src/redact.js";

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
});
