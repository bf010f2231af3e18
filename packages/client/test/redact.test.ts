import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRedactor, redactHeaders, scrubResponse } from "../src/redact.js";

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

  it("scrubs response headers and status text, keeping a clean response as it is", async () => {
    const r = createRedactor(["s3cret"]);
    const clean = new Response("{}", { status: 201, headers: { "x-request-id": "req-1" } });
    expect(scrubResponse(clean, r)).toBe(clean);
    const echoed = new Response("body", {
      status: 201,
      statusText: "Created s3cret",
      headers: { "x-request-id": "req-s3cret", "set-cookie": "a=s3cret" },
    });
    const out = scrubResponse(echoed, r);
    expect([out.headers.get("x-request-id"), out.headers.get("set-cookie")]).toEqual([
      "req-[redacted]",
      "a=[redacted]",
    ]);
    expect([out.status, out.statusText, await out.text()]).toEqual([
      201,
      "Created [redacted]",
      "body",
    ]);
  });
});
