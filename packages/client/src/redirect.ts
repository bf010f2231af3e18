import type { Sent } from "./attempt.js";
import { APIError } from "./errors.js";
import type { Redactor } from "./redact.js";
import { scrubHeaders } from "./redact.js";

/** Redirects followed per call before the client gives up with `too_many_redirects`. */
export const MAX_REDIRECTS = 5;

/**
 * The redirect step. Redirects are handled here rather than by fetch, because fetch forwards
 * `x-api-key` to whatever origin a redirect names: only same-origin ones are followed, at most
 * {@link MAX_REDIRECTS} per call. Returns the next request for a followed redirect (a 303, or a
 * 301/302 of a POST, becomes a GET without body), undefined for an answer that is no redirect,
 * and throws an APIError (`cross_origin_redirect`, `too_many_redirects`) for a refused one.
 */
export function redirectTarget(
  op: string,
  response: Response,
  sent: Sent,
  hops: number,
  redact: Redactor,
): Sent | undefined {
  const status = response.status;
  const location = status > 300 && status < 400 && response.headers.get("location");
  if (!location) return undefined;
  // an unparseable Location counts as another origin: refused, never a raw TypeError
  const next = URL.canParse(location, sent.url) ? new URL(location, sent.url) : undefined;
  const code =
    next?.origin !== new URL(sent.url).origin
      ? "cross_origin_redirect"
      : hops > MAX_REDIRECTS
        ? "too_many_redirects"
        : undefined;
  if (code || !next) {
    throw new APIError(redact(`${op} refused a redirect to ${location} (${code})`), {
      status,
      code,
      headers: scrubHeaders(response.headers, redact),
    });
  }
  if (status === 303 || (status < 303 && sent.method === "POST")) {
    const headers = new Headers(sent.headers);
    headers.delete("content-type");
    return { url: next.href, method: "GET", headers };
  }
  return { ...sent, url: next.href };
}
