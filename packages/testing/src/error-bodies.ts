import type { StandardAPIError } from "./api-types.js";
import type { Generation } from "./routes.js";

/** Machine-readable error codes the fake uses, HeyGen's where the spec shows them. */
export type FakeErrorCode =
  | "authentication_failed"
  | "invalid_parameter"
  | "avatar_group_not_found"
  | "photo_avatar_not_found"
  | "rate_limit_exceeded"
  | "internal_error"
  | "service_unavailable"
  | "route_not_found"
  | "method_not_allowed";

/**
 * The error body of one generation. v3 sends `{ error: StandardAPIError }` (the spec's shape).
 * v2 has no documented error body beyond its envelope, whose `error` "displays the error when
 * the request fails"; the fake sends the envelope with an object error and no data:
 * `{ error: { code, message, param? }, data: null }` (`V2ErrorResponse` in the bundled spec).
 */
export function errorBody(
  generation: Generation,
  code: FakeErrorCode,
  message: string,
  param: string | null = null,
): unknown {
  if (generation === "v3") {
    const error: StandardAPIError = { code, message, param, doc_url: null };
    return { error };
  }
  return { error: param === null ? { code, message } : { code, message, param }, data: null };
}

/** The message HeyGen sends with a 401 (the spec's example); it never echoes the key. */
export const AUTHENTICATION_FAILED_MESSAGE =
  "Invalid or expired API key. Verify your x-api-key header.";

/** The message HeyGen sends with a 429 (the spec's example). */
export const RATE_LIMITED_MESSAGE =
  "Too many requests. Retry after the duration specified in the Retry-After header.";
