import { HeyGenValidationError } from "./errors.js";
import { type Config, IDEMPOTENCY_KEY, type RequestOptions } from "./options.js";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Returns `key` when it is a valid Idempotency-Key; throws a HeyGenValidationError otherwise. */
function valid(op: string, key: unknown): string {
  if (typeof key === "string" && IDEMPOTENCY_KEY.test(key)) return key;
  throw new HeyGenValidationError(
    `${op}: Idempotency-Key must be 1 to 255 characters of A-Z a-z 0-9 _ : . -`,
  );
}

/**
 * The auth step: the headers of one request. The client's static headers come first, then the
 * operation's (content type), then the caller's per-call ones, then `Idempotency-Key` (the
 * per-call `idempotencyKey`, or a fresh UUID for a write when `autoIdempotencyKeys` is on), and the
 * credential last, so no per-call header can replace it. A malformed key, however it was given,
 * is a HeyGenValidationError before anything is sent.
 */
export function requestHeaders(
  cfg: Config,
  op: string,
  method: string,
  own: HeadersInit | undefined,
  o: RequestOptions,
): Headers {
  const headers = new Headers(cfg.headers);
  for (const h of [own, o.headers]) {
    if (h) for (const [k, v] of new Headers(h)) headers.set(k, v);
  }
  const given = o.idempotencyKey;
  if (given !== undefined) headers.set("idempotency-key", valid(op, given));
  else if (cfg.autoIdempotencyKeys && WRITES.has(method) && !headers.has("idempotency-key")) {
    headers.set("idempotency-key", crypto.randomUUID());
  }
  const key = headers.get("idempotency-key");
  if (key !== null) valid(op, key);
  headers.set(...cfg.auth);
  return headers;
}
