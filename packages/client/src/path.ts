import { HeyGenValidationError } from "./errors.js";

/** Throws a HeyGenValidationError saying `what` unless `ok`; arguments are checked before sending. */
export function check(op: string, ok: unknown, what: string): void {
  if (!ok) throw new HeyGenValidationError(`${op}: ${what}`);
}

/** Whether `v` is a non-empty string. */
export const isText = (v: unknown): v is string => typeof v === "string" && v !== "";

/**
 * Encodes a path segment after checking it: a non-empty string other than `.` or `..`, which URL
 * parsing would resolve as dot segments (even percent-encoded) and so escape the endpoint.
 */
function segment(op: string, name: string, v: unknown): string {
  try {
    // encodeURIComponent throws a URIError on a lone UTF-16 surrogate, which has no UTF-8 form
    if (isText(v) && v !== "." && v !== "..") return encodeURIComponent(v);
  } catch {}
  throw new HeyGenValidationError(
    `${op}: ${name} must be a non-empty string of well-formed text, not . or ..`,
  );
}

/**
 * The URL of one call: the registry's path template with each `{name}` replaced by its checked,
 * percent-encoded value (so an id like `../v1/user/me` stays one segment), and the query
 * serialized as openapi-fetch does by default (`undefined` left out, arrays as repeated keys).
 */
export function urlFor(
  base: string,
  op: string,
  template: string,
  path: object | undefined,
  query: object | undefined,
): string {
  const values = (path ?? {}) as Record<string, unknown>;
  let url = base + template.replace(/\{(\w+)\}/g, (_, k: string) => segment(op, k, values[k]));
  if (query !== undefined) {
    check(op, typeof query === "object" && query !== null, "params must be an object");
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const x of v) q.append(k, String(x));
      else q.append(k, String(v));
    }
    const s = q.toString();
    if (s) url += `?${s}`;
  }
  return url;
}
