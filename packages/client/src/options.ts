import { HeyGenConfigurationError, HeyGenValidationError } from "./errors.js";
import { createRedactor, type Redactor } from "./redact.js";

/** What a request hook sees; credential headers are masked, so hooks can log it as is. */
export interface RequestInfo {
  method: string;
  url: string;
  /** 0 for the first attempt, 1 for the first retry... */
  attempt: number;
  headers: Record<string, string>;
}

/** What a response hook sees for each attempt that got an answer (before retry decisions). */
export interface ResponseInfo extends RequestInfo {
  status: number;
  requestId: string | undefined;
}

/** A sink for the client's debug lines; `console` fits. Details never contain secrets. */
export interface HeyGenLogger {
  debug(message: string, details: Record<string, unknown>): void;
}

/**
 * Options of {@link createHeyGenClient}. Only a credential is required, and it defaults to the
 * `HEYGEN_API_KEY` environment variable.
 */
export interface HeyGenClientOptions {
  /** Sent as `x-api-key`. Default: `process.env.HEYGEN_API_KEY` (unless `accessToken` is set). */
  apiKey?: string | undefined;
  /** OAuth access token sent as `Authorization: Bearer`; an alternative to `apiKey`. */
  accessToken?: string | undefined;
  /** API origin (and optional path prefix). Default `https://api.heygen.com`. */
  baseUrl?: string | undefined;
  /** Permit a plain-http `baseUrl` that is not loopback (the key would travel in clear). */
  allowInsecureHttp?: boolean | undefined;
  /** Custom fetch (tests, proxies, edge runtimes). Default: the global `fetch`. */
  fetch?: ((input: string, init: RequestInit) => Promise<Response>) | undefined;
  /**
   * Per-attempt timeout in ms for JSON calls; each retry gets a fresh one. Default by kind, as
   * heygen-cli has them: 30 000 for reads (GET), 120 000 for writes. Setting it sets both.
   */
  timeoutMs?: number | undefined;
  /** Per-attempt timeout in ms of a multipart upload (`assets.upload`). Default 600 000 (10 min). */
  uploadTimeoutMs?: number | undefined;
  /**
   * Send a fresh `Idempotency-Key` (a random UUID) with every POST, PUT, PATCH and DELETE that has
   * none, so that each is retried on 5xx, timeouts and dropped connections like a GET. Default
   * false. The trade-off: HeyGen keeps every key's first answer for 24 hours, and a generated key
   * protects only the client's own retries: calling the method again (say after a crash of your
   * process) sends a new key and acts again. Pass your own `idempotencyKey` per call, derived from
   * your own record, to make the whole operation safe to repeat.
   */
  autoIdempotencyKeys?: boolean | undefined;
  /** Retries after the first attempt (0 disables). Default 2. */
  maxRetries?: number | undefined;
  /** First backoff delay in ms, doubled per retry. Default 500. */
  retryBaseDelayMs?: number | undefined;
  /** Ceiling of the backoff delay in ms. Default 8 000. */
  retryMaxDelayMs?: number | undefined;
  /** A server-requested delay (`Retry-After`) above this surfaces as the error instead. Default 60 000. */
  maxRetryAfterMs?: number | undefined;
  /** Headers added to every request (a credential set here is not redacted: use apiKey). */
  headers?: Record<string, string> | undefined;
  /** Appended to the `User-Agent` header, e.g. `my-app/1.2`. */
  userAgent?: string | undefined;
  /** Receives one line per attempt, response and retry, with credentials masked. */
  logger?: HeyGenLogger | undefined;
  /** Called before each attempt is sent. */
  onRequest?: ((info: RequestInfo) => void) | undefined;
  /** Called when an attempt gets an answer. */
  onResponse?: ((info: ResponseInfo) => void) | undefined;
}

/**
 * Per-call options, accepted as the last argument of every method; they override the client's
 * values for that call only.
 */
export interface RequestOptions {
  /** Aborts the call, including a pending retry delay; the call rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  /** Extra headers for this call. */
  headers?: Record<string, string> | undefined;
  /**
   * Sent as `Idempotency-Key` (1 to 255 characters of `A-Z a-z 0-9 _ : . -`). HeyGen answers a
   * repeated key with the first call's answer for 24 hours, so with a key a POST, PUT, PATCH or
   * DELETE is retried on 5xx, timeouts and dropped connections, and a 409 `request_in_progress`
   * (the first call still running) is waited out. Without one, a write is never repeated once the
   * server may have acted on it.
   */
  idempotencyKey?: string | undefined;
}

/** What `Idempotency-Key` may hold, as HeyGen documents it. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_:.-]{1,255}$/;

/** Per-attempt timeouts by kind of call. */
export interface Timeouts {
  read: number;
  write: number;
  upload: number;
}

/** The validated, immutable settings the transport runs on. */
export interface Config {
  base: string;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  timeouts: Timeouts;
  autoIdempotencyKeys: boolean;
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxRetryAfterMs: number;
  /** Static headers (user agent, extra headers), without the credential. */
  headers: Headers;
  /** The credential header, applied last so no per-call header can replace it. */
  auth: [string, string];
  redact: Redactor;
  logger?: HeyGenLogger | undefined;
  onRequest?: ((info: RequestInfo) => void) | undefined;
  onResponse?: ((info: ResponseInfo) => void) | undefined;
}

const fail = (where: string, what: string) => {
  throw new HeyGenConfigurationError(`${where}: ${what}`);
};

/** Checks a numeric option: a finite number in [min, max], whole when `int`; returns it or `dflt`. */
export function num(
  where: string,
  name: string,
  v: unknown,
  dflt: number,
  int?: boolean,
  min = 0,
): number {
  if (v === undefined) return dflt;
  if (typeof v !== "number" || !(v >= min && v <= 2 ** 31 - 1) || (int && v % 1)) {
    fail(where, `${name} must be a ${int ? "whole " : ""}number from ${min} to 2^31-1`);
  }
  return v as number;
}

/** Validates headers given as a record; the Headers constructor would throw a raw TypeError. */
export function headersOf(where: string, h: unknown): Headers {
  try {
    return new Headers((h ?? {}) as Record<string, string>);
  } catch {
    return fail(where, "headers must map names to valid HTTP values");
  }
}

/** Checks that options are an object (or undefined) whose `signal`, if any, is an AbortSignal. */
export function checkSignalOptions<T extends { signal?: AbortSignal | undefined }>(
  where: string,
  o: T | undefined,
): T {
  if (o === undefined) return {} as T;
  if (typeof o !== "object" || o === null) fail(where, "options must be an object");
  if (o.signal !== undefined && typeof o.signal?.addEventListener !== "function") {
    fail(where, "signal must be an AbortSignal");
  }
  return o;
}

/** Validates per-call options before anything is sent. */
export function checkRequestOptions(options: RequestOptions | undefined): RequestOptions {
  const w = "request options";
  const o = checkSignalOptions(w, options);
  num(w, "timeoutMs", o.timeoutMs, 0, false, 1);
  num(w, "maxRetries", o.maxRetries, 0, true);
  headersOf(w, o.headers);
  const k: unknown = o.idempotencyKey;
  if (k !== undefined && !(typeof k === "string" && IDEMPOTENCY_KEY.test(k))) {
    throw new HeyGenValidationError(
      `${w}: idempotencyKey must be 1 to 255 characters of A-Z a-z 0-9 _ : . -`,
    );
  }
  return o;
}

/** The type each non-numeric option must have when given. */
const TYPES = {
  fetch: "function",
  onRequest: "function",
  onResponse: "function",
  userAgent: "string",
  allowInsecureHttp: "boolean",
  autoIdempotencyKeys: "boolean",
} as const;

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/**
 * Validates client options and resolves defaults. Every problem becomes a
 * `HeyGenConfigurationError` naming the option; secret values are never echoed.
 */
export function resolveConfig(o: HeyGenClientOptions = {}, version = "0"): Config {
  const w = "createHeyGenClient";
  if (typeof o !== "object" || !o) fail(w, "options must be an object");
  const token = o.accessToken;
  if (o.apiKey !== undefined && token !== undefined)
    fail(w, "pass apiKey or accessToken, not both");
  const secret =
    token ??
    o.apiKey ??
    (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
      .HEYGEN_API_KEY;
  if (typeof secret !== "string" || !/^[\x21-\x7e]+$/.test(secret)) {
    fail(
      w,
      `${token === undefined ? "apiKey (or HEYGEN_API_KEY)" : "accessToken"} must be set, in visible ASCII`,
    );
  }
  let u: URL;
  try {
    u = new URL(o.baseUrl ?? "https://api.heygen.com");
  } catch {
    u = new URL("x:");
  }
  if (!/^https?:$/.test(u.protocol) || u.search || u.hash || u.username || u.password) {
    fail(w, "baseUrl must be an http(s) URL without credentials, query or fragment");
  }
  if (u.protocol === "http:" && !LOOPBACK.test(u.hostname) && o.allowInsecureHttp !== true) {
    fail(w, "baseUrl is plain http, which exposes the key: use https or allowInsecureHttp: true");
  }
  for (const [k, type] of Object.entries(TYPES)) {
    const v = o[k as keyof typeof TYPES];
    if (v !== undefined && typeof v !== type) fail(w, `${k} must be a ${type}`);
  }
  if (o.logger !== undefined && typeof o.logger?.debug !== "function") {
    fail(w, "logger must have a debug method");
  }
  const headers = headersOf(w, o.headers);
  try {
    headers.set("user-agent", `heygen-openapi-client/${version} ${o.userAgent ?? ""}`.trim());
  } catch {
    fail(w, "userAgent must be valid in an HTTP header");
  }
  const n = (k: keyof HeyGenClientOptions, d: number, int?: boolean, min?: number) =>
    num(w, k, o[k], d, int, min);
  return {
    ...o,
    base: u.href.replace(/\/+$/, ""),
    fetch: o.fetch ?? ((input, init) => fetch(input, init)),
    timeouts: {
      read: n("timeoutMs", 30_000, false, 1),
      write: n("timeoutMs", 120_000, false, 1),
      upload: n("uploadTimeoutMs", 600_000, false, 1),
    },
    autoIdempotencyKeys: o.autoIdempotencyKeys === true,
    maxRetries: n("maxRetries", 2, true),
    retryBaseDelayMs: n("retryBaseDelayMs", 500),
    retryMaxDelayMs: n("retryMaxDelayMs", 8_000),
    maxRetryAfterMs: n("maxRetryAfterMs", 60_000),
    headers,
    auth: token !== undefined ? ["authorization", `Bearer ${secret}`] : ["x-api-key", `${secret}`],
    redact: createRedactor([`${secret}`]),
  };
}
