import type { APIPromise } from "./api-promise.js";
import { apiPromise } from "./api-promise.js";
import { HeyGenValidationError, invalid, toAPIError } from "./errors.js";
import { type Config, checkRequestOptions, type RequestOptions } from "./options.js";
import { send } from "./transport.js";

/**
 * What resources need from the client: one JSON call that throws on every kind of error. Its
 * responses are already scrubbed, so errors the resources raise themselves need no redactor.
 */
export type Caller = <T>(
  method: "GET" | "POST",
  path: string,
  params: () => CallParams,
  options: RequestOptions | undefined,
) => APIPromise<T>;

/**
 * What one call sends. Resources pass it as a thunk so argument checks run inside the returned
 * promise: bad input rejects it (before any request) instead of throwing synchronously.
 */
export interface CallParams {
  path?: Record<string, string>;
  query?: object;
  body?: object;
  /** Return the whole body (list pages) instead of its `data`. */
  whole?: boolean;
}

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

/** JSON text of a request body; a BigInt or a cycle is a validation error, not a raw TypeError. */
function json(op: string, body: object): string {
  try {
    return JSON.stringify(body);
  } catch {
    throw new HeyGenValidationError(`${op}: the body cannot be serialized as JSON`);
  }
}

/**
 * Builds the resources' call function: checks and percent-encodes path parameters (so an id like
 * `../v1/user/me` stays one segment), serializes the query and body, sends through the transport,
 * and unwraps `data`, turning every failure (HTTP error, v2 `error` with HTTP 200, a body without
 * `data`) into a typed error.
 */
export function createCaller(cfg: Config): Caller {
  const call = <T>(
    method: "GET" | "POST",
    path: string,
    params: () => CallParams,
    options: RequestOptions | undefined,
  ) => {
    const op = `${method} ${path}`;
    const run = async () => {
      const p = params();
      const o = checkRequestOptions(options);
      const url = new URL(
        cfg.base + path.replace(/\{(\w+)\}/g, (_, k: string) => segment(op, k, p.path?.[k])),
      );
      for (const [k, v] of Object.entries(p.query ?? {})) {
        if (v !== undefined) url.searchParams.set(k, String(v));
      }
      const { response, body, attempts } = await send(
        cfg,
        {
          op,
          method,
          url: url.href,
          headers: p.body ? { "content-type": "application/json" } : undefined,
          body: p.body && json(op, p.body),
        },
        o,
      );
      const b = body as { error?: unknown; data?: unknown } | undefined;
      if (!response.ok || b?.error != null)
        throw toAPIError(op, response, body, cfg.redact, attempts);
      // The types promise an object (a list page: an array of them); anything else, however it
      // parsed, is not the JSON the spec promises.
      const d = b?.data;
      if (!(p.whole ? Array.isArray(d) : d && typeof d === "object" && !Array.isArray(d))) {
        throw invalid(
          op,
          response,
          body,
          `without a data ${p.whole ? "list" : "object"}`,
          cfg.redact,
        );
      }
      return { data: (p.whole ? b : d) as T, response };
    };
    return apiPromise(run());
  };
  return call;
}
