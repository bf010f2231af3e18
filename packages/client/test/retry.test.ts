import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  backoffMs,
  failureCode,
  isRetryableFailure,
  isRetryableStatus,
  retryAfterMs,
} from "../src/retry.js";

describe("retry policy", () => {
  it("retries 408, 409, 429 and 5xx for GET, only 429 for POST", () => {
    for (const s of [408, 409, 429, 500, 502, 503, 504])
      expect(isRetryableStatus(s, true)).toBe(true);
    for (const s of [200, 301, 400, 401, 403, 404, 422])
      expect(isRetryableStatus(s, true)).toBe(false);
    expect(isRetryableStatus(429, false)).toBe(true);
    for (const s of [408, 409, 500, 503]) expect(isRetryableStatus(s, false)).toBe(false);
  });

  it("retries a failed POST only when the connection was refused and it did not time out", () => {
    const refused = new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    const reset = new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
    expect(isRetryableFailure(refused, false, false)).toBe(true);
    expect(isRetryableFailure(refused, false, true)).toBe(false);
    expect(isRetryableFailure(reset, false, false)).toBe(false);
    expect(isRetryableFailure(reset, true, false)).toBe(true);
  });

  it("finds the system error code in nested causes and AggregateErrors", () => {
    const agg = Object.assign(new AggregateError([{ code: "ECONNREFUSED" }]), {});
    expect(failureCode(new TypeError("x", { cause: agg }))).toBe("ECONNREFUSED");
    expect(failureCode(new Error("plain"))).toBeUndefined();
    expect(failureCode("nope")).toBeUndefined();
  });

  it("reads retry-after-ms, Retry-After seconds and HTTP dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const h = (init: Record<string, string>) => new Headers(init);
    expect(retryAfterMs(h({ "retry-after-ms": "250" }), now)).toBe(250);
    expect(retryAfterMs(h({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(retryAfterMs(h({ "retry-after": "3" }), now)).toBe(3000);
    expect(retryAfterMs(h({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMs(h({ "retry-after": "Wed, 31 Dec 2025 23:00:00 GMT" }), now)).toBe(0);
    expect(retryAfterMs(h({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(retryAfterMs(h({ "retry-after-ms": "-5" }), now)).toBeUndefined();
    expect(retryAfterMs(h({}), now)).toBeUndefined();
  });

  it("backs off from the base doubling to the cap, with jitter in [0.75, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (attempt, base, max, r) => {
          const d = backoffMs(attempt, base, max, r);
          const ideal = Math.min(base * 2 ** attempt, max);
          return d <= ideal && d >= ideal * 0.75;
        },
      ),
    );
    expect(backoffMs(0, 500, 8000, 0)).toBe(500);
    expect(backoffMs(3, 500, 8000, 0)).toBe(4000);
    expect(backoffMs(10, 500, 8000, 0)).toBe(8000);
  });
});
