import type { PhotoAvatarLook } from "./api-types.js";
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

/** Fields every {@link APIError} carries; the body and headers are already scrubbed of secrets. */
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
/** An attempt exceeded `timeoutMs` (armed per attempt) and no retry was allowed or left. */
export class APITimeoutError extends APIConnectionError {}
/** The caller's `AbortSignal` fired; `cause` holds the signal's reason. */
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

/** The parts of a response an error keeps; the transport already scrubbed its headers. */
export interface Answered {
  status: number;
  headers: Headers;
}

/**
 * Builds the {@link APIError} subclass for an error answer. `op` is the templated operation
 * (`GET /v3/avatars/{group_id}`), so messages never carry caller data such as ids; the body and
 * headers come from the transport, already scrubbed.
 */
export function toAPIError(op: string, res: Answered, body: unknown): APIError {
  const { status, headers } = res;
  const e = (body as { error?: unknown } | null)?.error;
  const o = (e && typeof e === "object" ? e : {}) as Record<string, unknown>;
  const code = str(o.code);
  const detail = str(typeof e === "string" ? e : (o.message ?? (e ? JSON.stringify(e) : body)));
  const C = byStatus[status] ?? (status >= 500 ? InternalServerError : APIError);
  const err = new C(
    `${op} failed with ${status}${code ? ` ${code}` : ""}${detail ? `: ${detail}` : ""}${
      status === 401
        ? "; check the API key"
        : status === 429 || status >= 500
          ? "; retry later"
          : ""
    }${headers.has("x-request-id") ? ` (request id ${headers.get("x-request-id")})` : ""}`,
    { status, code, param: str(o.param), docUrl: str(o.doc_url), headers, body },
  );
  if (C === RateLimitError) Object.assign(err, { retryAfterMs: retryAfterMs(headers) });
  return err;
}

/** An InvalidResponseError for an answer that breaks the documented shape. */
export function invalid(op: string, res: Answered, body: unknown, what: string) {
  return new InvalidResponseError(`${op} answered ${res.status} ${what}`, {
    status: res.status,
    headers: res.headers,
    body,
  });
}
