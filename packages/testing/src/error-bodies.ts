import type { StandardAPIError } from "./api-types.js";

/**
 * The error body shapes the bundled specs declare:
 * - `standard`: `{ error: StandardAPIError }`, every /v3 operation (and some legacy ones);
 * - `legacy`: `{ error: { code, message }, data: null }` (`LegacyAPIError`, some /v1 operations);
 * - `v1`: `{ code: <HTTP status>, message }` (`V1APIError`, the other /v1 operations);
 * - `v2`: the v2 pages' envelope, `{ error: { code, message, param? }, data: null }`
 *   (`V2ErrorResponse` in the bundled v2 spec; HeyGen documents no v2 error body beyond it).
 */
export type ErrorShape = "standard" | "legacy" | "v1" | "v2";

/** One error the fake answers with. */
export interface FakeError {
  status: number;
  /** Machine-readable, HeyGen's codes where the spec shows them (`invalid_parameter`, ...). */
  code: string;
  message: string;
  /** The request field at fault, or null. */
  param?: string | null;
}

/** The body of `error` in the operation's declared shape. */
export function errorBody(shape: ErrorShape, error: FakeError): unknown {
  const { code, message } = error;
  const param = error.param ?? null;
  switch (shape) {
    case "standard": {
      const body: StandardAPIError = { code, message, param, doc_url: null };
      return { error: body };
    }
    case "legacy":
      return { error: { code, message }, data: null };
    case "v1":
      return { code: error.status, message };
    case "v2":
      return { error: param === null ? { code, message } : { code, message, param }, data: null };
  }
}

/** The message HeyGen sends with a 401 (the spec's example); it never echoes the key. */
export const AUTHENTICATION_FAILED_MESSAGE =
  "Invalid or expired API key. Verify your x-api-key header.";

/** The message HeyGen sends with a 429 (the spec's example). */
export const RATE_LIMITED_MESSAGE =
  "Too many requests. Retry after the duration specified in the Retry-After header.";

/** A 400 `invalid_parameter` naming `param`. */
export function invalidParameter(param: string | null, message: string): FakeError {
  return { status: 400, code: "invalid_parameter", message, param };
}

/** A 404 for a resource that does not exist (or was deleted). */
export function notFound(code: string, message: string): FakeError {
  return { status: 404, code, message, param: null };
}
