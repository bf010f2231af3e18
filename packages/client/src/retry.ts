/** What ended an attempt that got no answer. */
export type FailureKind = "timeout" | "connection";

/** Everything the retry decision looks at, for one finished attempt. */
export interface AttemptOutcome {
  /** The request method, upper case. */
  method: string;
  /** Whether the request carries an `Idempotency-Key`, so the server replays instead of acting twice. */
  keyed: boolean;
  /** The answer's status, when the attempt got one. */
  status?: number | undefined;
  /** `error.code` of the answer's body, when it has one. */
  errorCode?: string | undefined;
  /** Why the attempt got no answer, when it did not. */
  failure?: FailureKind | undefined;
  /** What the failed fetch threw, for its system error code. */
  cause?: unknown;
  /** The server's requested delay (Retry-After), when it sent one. */
  hintedMs?: number | undefined;
  /** A requested delay above this is surfaced as the error instead of being waited. */
  maxRetryAfterMs: number;
}

/**
 * `retry`: repeat the attempt (it counts against `maxRetries`); `wait`: a keyed call is still in
 * flight on the server (409 `request_in_progress`), so wait and ask again (not a retry); `stop`.
 */
export type RetryDecision = "retry" | "wait" | "stop";

/** Whether repeating the request cannot make the server act twice: a GET, or a keyed write. */
export const isRepeatable = (method: string, keyed: boolean): boolean =>
  method === "GET" || method === "HEAD" || keyed;

/**
 * Decides whether a finished attempt is repeated. A GET may always be repeated. A write only when
 * it carries an idempotency key (the server replays the first answer instead of acting again), or
 * when the server provably did not act: a 429 rejects before processing, and a refused connection
 * sent no byte. Without a key, a 5xx, a timeout or a dropped connection may come after side
 * effects, so repeating it could create a video twice.
 */
export function retryDecision(o: AttemptOutcome): RetryDecision {
  const repeatable = isRepeatable(o.method, o.keyed);
  if (o.failure) {
    return repeatable || (o.failure === "connection" && failureCode(o.cause) === "ECONNREFUSED")
      ? "retry"
      : "stop";
  }
  const s = o.status ?? 0;
  if (o.hintedMs !== undefined && o.hintedMs > o.maxRetryAfterMs) return "stop";
  if (o.keyed && s === 409 && o.errorCode === "request_in_progress") return "wait";
  if (s === 429) return "retry";
  if (s === 409) return o.method === "GET" || o.method === "HEAD" ? "retry" : "stop";
  return repeatable && (s === 408 || s >= 500) ? "retry" : "stop";
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
