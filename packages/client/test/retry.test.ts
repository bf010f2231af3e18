import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AttemptOutcome,
  backoffMs,
  failureCode,
  isRepeatable,
  retryAfterMs,
  retryDecision,
} from "../src/retry.js";

const base = { keyed: false, maxRetryAfterMs: 60_000 } as const;
const decide = (method: string, status: number, extra: Partial<AttemptOutcome> = {}) =>
  retryDecision({ ...base, method, status, ...extra });

describe("retry decision", () => {
  it("retries 408, 409, 429 and 5xx for GET, only 429 for an unkeyed POST, PATCH or DELETE", () => {
    for (const s of [408, 409, 429, 500, 502, 503, 504]) expect(decide("GET", s)).toBe("retry");
    for (const s of [200, 301, 400, 401, 403, 404, 422]) expect(decide("GET", s)).toBe("stop");
    for (const m of ["POST", "PATCH", "DELETE", "PUT"]) {
      expect(decide(m, 429)).toBe("retry");
      for (const s of [408, 409, 500, 503]) expect(decide(m, s)).toBe("stop");
    }
  });

  it("with an idempotency key, retries a write on 408, 429 and 5xx and waits out request_in_progress", () => {
    for (const m of ["POST", "PATCH", "DELETE"]) {
      for (const s of [408, 429, 500, 502, 503])
        expect(decide(m, s, { keyed: true })).toBe("retry");
      for (const s of [400, 404, 422]) expect(decide(m, s, { keyed: true })).toBe("stop");
      expect(decide(m, 409, { keyed: true, errorCode: "request_in_progress" })).toBe("wait");
      // another conflict (say, the key reused with another body) is the caller's to see
      expect(decide(m, 409, { keyed: true, errorCode: "idempotency_key_reused" })).toBe("stop");
      expect(decide(m, 409, { errorCode: "request_in_progress" })).toBe("stop");
    }
  });

  it("does not wait out a Retry-After longer than maxRetryAfterMs", () => {
    expect(decide("GET", 429, { hintedMs: 61_000 })).toBe("stop");
    expect(decide("GET", 429, { hintedMs: 60_000 })).toBe("retry");
  });

  it("retries a failed unkeyed write only when the connection was refused", () => {
    const refused = new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    const reset = new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
    const failed = (
      method: string,
      failure: "timeout" | "connection",
      cause: unknown,
      keyed = false,
    ) => retryDecision({ ...base, method, failure, cause, keyed });
    expect(failed("POST", "connection", refused)).toBe("retry");
    expect(failed("POST", "timeout", refused)).toBe("stop");
    expect(failed("POST", "connection", reset)).toBe("stop");
    expect(failed("GET", "connection", reset)).toBe("retry");
    expect(failed("GET", "timeout", undefined)).toBe("retry");
    expect(failed("POST", "connection", reset, true)).toBe("retry");
    expect(failed("PATCH", "timeout", undefined, true)).toBe("retry");
  });

  it("counts GET and keyed writes as repeatable, unkeyed writes not", () => {
    expect(isRepeatable("GET", false)).toBe(true);
    expect(isRepeatable("POST", false)).toBe(false);
    expect(isRepeatable("POST", true)).toBe(true);
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
