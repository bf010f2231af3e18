/**
 * Whether an answer may be repeated. GET is idempotent; a POST only when the server provably did
 * not act on it: a 429 rejects the request before processing, anything else (5xx, 408, 409) may
 * come after side effects, so repeating it could create looks twice.
 */
export function isRetryableStatus(status: number, idempotent: boolean): boolean {
  return status === 429 || (idempotent && (status === 408 || status === 409 || status >= 500));
}

/**
 * Whether a failed send may be repeated: always for idempotent requests; for others only when the
 * connection was refused, because then no byte of the request reached the server.
 */
export function isRetryableFailure(cause: unknown, idempotent: boolean, timedOut: boolean) {
  return idempotent || (!timedOut && failureCode(cause) === "ECONNREFUSED");
}

/** The system error code (`ECONNREFUSED`, `ECONNRESET`...) buried in a fetch failure, if any. */
export function failureCode(e: unknown): string | undefined {
  for (let i = 0; i < 5 && e && typeof e === "object"; i++) {
    const x = e as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof x.code === "string" && x.code.startsWith("E")) return x.code;
    e = x.cause ?? x.errors?.[0];
  }
  return undefined;
}

/**
 * The server's requested delay in ms from `retry-after-ms`, or `Retry-After` as seconds or an HTTP
 * date; undefined when absent or unparseable. A date in the past means "now" (0).
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (ms >= 0) return ms;
  const h = headers.get("retry-after");
  const at = h ? (Number(h) >= 0 ? now + Number(h) * 1000 : Date.parse(h)) : Number.NaN;
  return at >= 0 ? Math.max(0, at - now) : undefined;
}

/**
 * Backoff before retry number `attempt` (0-based): `base` doubling up to `max`, times a jitter in
 * [0.75, 1) so that clients rate-limited together do not return together.
 */
export function backoffMs(attempt: number, base: number, max: number, random = Math.random()) {
  return Math.min(base * 2 ** attempt, max) * (1 - random / 4);
}
