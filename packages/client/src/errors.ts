import type { PhotoAvatarLook } from "./api-types.js";
import { type Redactor, scrubBody, scrubHeaders } from "./redact.js";
import { retryAfterMs } from "./retry.js";

/**
 * Base class of every error the client throws, so one `instanceof HeyGenError` check catches them
 * all. Messages, stacks, `JSON.stringify` and `util.inspect` output never contain the API key or
 * access token: every text that reaches an error is scrubbed when the error is built.
 *
 * @example
 * try { await heygen.avatarGroups.get(id) } catch (e) { if (e instanceof HeyGenError) log(e.message) }
 */
export class HeyGenError extends Error {
  /** Plain-object form (name, message and the error's own fields) for structured logs. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/** Fields every {@link APIError} carries; its body and headers are scrubbed copies of the answer's. */
export interface APIErrorFields {
  /** HTTP status of the answer (200 for a v2 envelope that reports an error with HTTP 200). */
  status: number;
  /** Machine-readable code from the body (`error.code`), when the API sent one. */
  code?: string | undefined;
  /** The request field the error is about (`error.param`), when the API named one. */
  param?: string | undefined;
  /** Documentation link for the error (`error.doc_url`), when the API sent one. */
  docUrl?: string | undefined;
  /** Response headers; `requestId` is read from their `x-request-id`. */
  headers: Headers;
  /** Parsed JSON body, or the body text when it was not JSON. */
  body?: unknown;
}

/**
 * The API answered with an error: a non-2xx status, a v2 envelope whose `error` is not null (even
 * with HTTP 200), or a redirect the client refused to follow. Subclasses exist per status.
 *
 * @example
 * if (e instanceof APIError) console.error(e.status, e.code, e.requestId)
 */
export class APIError extends HeyGenError {
  declare readonly status: number;
  declare readonly code: string | undefined;
  declare readonly param: string | undefined;
  declare readonly docUrl: string | undefined;
  /** The `x-request-id` response header: quote it when asking HeyGen support. */
  declare readonly requestId: string | undefined;
  declare readonly headers: Headers;
  declare readonly body: unknown;
  constructor(message: string, fields: APIErrorFields) {
    super(message);
    Object.assign(this, fields, { requestId: fields.headers.get("x-request-id") ?? undefined });
  }
}

/** HTTP 400: the request was malformed; `param` names the offending field when known. */
export class BadRequestError extends APIError {}
/** HTTP 401: the API key or access token is missing, wrong or revoked. */
export class AuthenticationError extends APIError {}
/** HTTP 403: the credentials are valid but may not use this resource. */
export class PermissionDeniedError extends APIError {}
/** HTTP 404: the resource (avatar group, look) does not exist or is not visible to you. */
export class NotFoundError extends APIError {}
/** HTTP 409: the request conflicts with the resource's current state. */
export class ConflictError extends APIError {}
/** HTTP 422: the request was well-formed but could not be processed. */
export class UnprocessableEntityError extends APIError {}
/**
 * HTTP 429: rate limited (after the client's retries, or at once when the server asked to wait
 * longer than `maxRetryAfterMs`). `retryAfterMs` is the server's requested delay, when it sent one.
 */
export class RateLimitError extends APIError {
  declare readonly retryAfterMs: number | undefined;
}
/** HTTP 5xx: HeyGen failed; GET requests were already retried before this surfaced. */
export class InternalServerError extends APIError {}
/**
 * An answer the client cannot take as HeyGen's: a 2xx whose body is not the documented JSON (an
 * HTML gateway page, truncated or empty JSON, a missing `data` field), pagination that would never
 * end (`has_more` with a missing or repeated `next_token`), or a status outside 200-599.
 */
export class InvalidResponseError extends APIError {}

/** The request never got an answer: DNS failure, refused or reset connection, TLS error. */
export class APIConnectionError extends HeyGenError {}
/**
 * An attempt exceeded its timeout (armed per attempt) and no retry was allowed or left, or the
 * caller's own signal fired with a timeout (`AbortSignal.timeout()`); the message says which and
 * how many attempts were made.
 */
export class APITimeoutError extends APIConnectionError {}
/** The caller's `AbortSignal` was aborted (not by a timeout); `cause` holds the signal's reason. */
export class APIUserAbortError extends HeyGenError {}
/**
 * The `onRequest` or `onResponse` hook, or the logger, threw. That is a bug in the caller's code,
 * not a network failure, so the call ends at once without a retry; `cause` is what was thrown.
 *
 * @example
 * catch (e) { if (e instanceof HeyGenHookError) console.error("our hook failed", e.cause) }
 */
export class HeyGenHookError extends HeyGenError {}
/** `createHeyGenClient` or a per-call options object got an invalid value; the message names it. */
export class HeyGenConfigurationError extends HeyGenError {}
/** A method argument is invalid (empty `image_keys`, a non-string id...); no request was sent. */
export class HeyGenValidationError extends HeyGenError {}
/**
 * `waitUntilReady` gave up: the look reached `failed` or `moderation_rejected`, disappeared (404),
 * or did not complete before `timeoutMs`. `reason` says which, `look` is the last look seen.
 */
export class PhotoAvatarNotReadyError extends HeyGenError {
  declare readonly reason: "failed" | "moderation_rejected" | "not_found" | "timeout";
  declare readonly look: PhotoAvatarLook | undefined;
}

/**
 * A long-running job (video, translation, proofread, lipsync, video-agent session) reached a
 * failed state while `waitUntilDone` polled it. `job` is the last state read; `failureCode` and
 * `failureMessage` are the job's `failure_code` and `failure_message` (also in the message).
 *
 * @example
 * catch (e) { if (e instanceof JobFailedError) console.error(e.failureCode, e.failureMessage) }
 */
export class JobFailedError extends HeyGenError {
  declare readonly job: unknown;
  declare readonly failureCode: string | undefined;
  declare readonly failureMessage: string | undefined;
}
/** `waitUntilDone` reached its `timeoutMs` before the job finished; `job` is the last state read. */
export class JobTimeoutError extends HeyGenError {
  declare readonly job: unknown;
}

// Minified builds rename classes, so names are pinned on the prototypes from the literal's keys.
const named = {
  HeyGenError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  InvalidResponseError,
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  HeyGenHookError,
  HeyGenConfigurationError,
  HeyGenValidationError,
  PhotoAvatarNotReadyError,
  JobFailedError,
  JobTimeoutError,
};
for (const k in named) named[k as keyof typeof named].prototype.name = k;

const byStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

const str = (v: unknown) => (v == null ? undefined : String(v));

/** The parts of a response an error keeps (a scrubbed copy of its headers is made). */
export interface Answered {
  status: number;
  headers: Headers;
}

/** How the call that failed went, so a message can say what the caller may do next. */
export interface Attempts {
  /** Attempts made (1 when nothing was repeated). */
  attempts: number;
  /** Whether the transport was allowed to repeat the call (a GET, or a write with an idempotency key). */
  repeatable: boolean;
}

/** Joins message parts as sentences: a part that already ends a sentence gets no second mark. */
export function sentences(...parts: (string | undefined | false)[]): string {
  let out = "";
  for (const p of parts) {
    const t = p ? p.trim() : "";
    if (!t) continue;
    out += out === "" ? t : `${/[.!?:;]$/.test(out) ? "" : "."} ${t}`;
  }
  return out;
}

/** What a caller can do after a 5xx, which depends on whether the client could repeat the call. */
function serverErrorHint(a: Attempts | undefined): string {
  if (!a || a.repeatable) {
    const n = a ? a.attempts : 1;
    return `${n} attempt${n === 1 ? " was" : "s were"} made; try again later`;
  }
  return (
    "The client did not repeat it, since the server may have acted on it: check whether it took " +
    "effect before sending it again, or pass an idempotencyKey so that it can be retried safely"
  );
}

/**
 * Builds the {@link APIError} subclass for an error answer. `op` is the templated operation
 * (`GET /v3/avatars/{group_id}`), so messages never carry caller data such as ids. The message,
 * body and headers of the error are scrubbed of the client's secrets with `redact`.
 */
export function toAPIError(
  op: string,
  res: Answered,
  rawBody: unknown,
  redact: Redactor,
  attempts?: Attempts,
): APIError {
  const { status } = res;
  const headers = scrubHeaders(res.headers, redact);
  const body = scrubBody(rawBody, redact);
  const e = (body as { error?: unknown } | null)?.error;
  const o = (e && typeof e === "object" ? e : {}) as Record<string, unknown>;
  const code = str(o.code);
  const detail = str(typeof e === "string" ? e : (o.message ?? (e ? JSON.stringify(e) : body)));
  const C = byStatus[status] ?? (status >= 500 ? InternalServerError : APIError);
  const hint =
    status === 401
      ? "Check the API key"
      : status === 429
        ? "Retry later"
        : status >= 500
          ? serverErrorHint(attempts)
          : undefined;
  const id = headers.get("x-request-id");
  const err = new C(
    redact(
      sentences(
        `${op} failed with ${status}${code ? ` ${code}` : ""}${detail ? `: ${detail}` : ""}`,
        hint,
        id !== null && `(request id ${id})`,
      ),
    ),
    { status, code, param: str(o.param), docUrl: str(o.doc_url), headers, body },
  );
  if (C === RateLimitError) Object.assign(err, { retryAfterMs: retryAfterMs(headers) });
  return err;
}

/** An InvalidResponseError for an answer that breaks the documented shape; scrubbed with `redact`. */
export function invalid(op: string, res: Answered, body: unknown, what: string, redact: Redactor) {
  return new InvalidResponseError(redact(`${op} answered ${res.status} ${what}`), {
    status: res.status,
    headers: scrubHeaders(res.headers, redact),
    body: scrubBody(body, redact),
  });
}
