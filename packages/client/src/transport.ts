import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  type HeyGenError,
  HeyGenHookError,
  invalid,
} from "./errors.js";
import type { Config, RequestOptions, ResponseInfo } from "./options.js";
import { redactHeaders, scrubResponse } from "./redact.js";
import {
  backoffMs,
  failureCode,
  isRetryableFailure,
  isRetryableStatus,
  retryAfterMs,
} from "./retry.js";

/**
 * The final answer of a request: the Response (body already read, headers scrubbed), its text and
 * parsed body.
 */
export interface Answer {
  response: Response;
  /** The body text, scrubbed of secrets. */
  text: string;
  /** Parsed JSON; the text when an error body is not JSON; undefined when empty. */
  body: unknown;
}

/** One request as the transport sends it; `body` is buffered so every attempt can resend it. */
export interface Outgoing {
  /** Templated operation for messages, e.g. `GET /v3/avatars/{group_id}`. */
  op: string;
  method: string;
  url: string;
  headers?: HeadersInit | undefined;
  body?: string | ArrayBuffer | undefined;
}

const MAX_REDIRECTS = 5;

const userAbort = (op: string, signal: AbortSignal) =>
  new APIUserAbortError(`${op} was aborted by the caller`, { cause: signal.reason });

/** Waits `ms`, rejecting early with APIUserAbortError when the caller aborts. */
export function sleep(ms: number, op: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // an abort that came before the sleep began must not wait out the whole delay
    if (signal?.aborted) return reject(userAbort(op, signal));
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      signal?.aborted ? reject(userAbort(op, signal)) : resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });
}

/**
 * Calls the caller's hook and logger for one event. What they throw is the caller's own bug, so it
 * ends the call as a HeyGenHookError instead of passing for a network failure (and being retried).
 */
function notify(
  cfg: Config,
  op: string,
  event: "request" | "response" | "retrying",
  details: object,
): void {
  const hook = event === "request" ? "onRequest" : event === "response" ? "onResponse" : undefined;
  let who = `${hook} hook`;
  try {
    if (hook) cfg[hook]?.(details as ResponseInfo);
    who = "logger";
    cfg.logger?.debug(`heygen: ${event}`, details as Record<string, unknown>);
  } catch (e) {
    throw new HeyGenHookError(`${op}: the ${who} threw: ${cfg.redact(String(e))}`, { cause: e });
  }
}

/**
 * Sends one request with the client's auth, per-attempt timeout, manual same-origin redirects and
 * retries, and buffers the final body (its read is part of the attempt, so a reset or a timeout
 * mid-body is retried like any other failure). HTTP errors are returned, not thrown: the raw
 * openapi-fetch clients report them as `{ error }` while the resources turn them into APIErrors.
 * Redirects are handled here rather than by fetch, because fetch forwards `x-api-key` to whatever
 * origin a redirect names; only same-origin ones are followed.
 */
export async function send(cfg: Config, req: Outgoing, o: RequestOptions = {}): Promise<Answer> {
  const { op } = req;
  let { url, method, body } = req;
  const maxRetries = o.maxRetries ?? cfg.maxRetries;
  const timeoutMs = o.timeoutMs ?? cfg.timeoutMs;
  const signal = o.signal;
  const headers = new Headers(cfg.headers);
  for (const h of [req.headers, o.headers]) {
    if (h) for (const [k, v] of new Headers(h)) headers.set(k, v);
  }
  headers.set(...cfg.auth);

  for (let attempt = 0, hops = 0; ; ) {
    if (signal?.aborted) throw userAbort(op, signal);
    const ac = new AbortController();
    const attemptSignal = ac.signal; // the getter is not free on a hot path
    let timedOut = false;
    // Rejects the step in flight. The per-attempt timeout must hold even when the transport
    // ignores its signal: Node 20's undici, answering a 421 whose body stalls, never settles
    // `fetch` or `text()` after an abort. A plain callback instead of an abort listener per step:
    // EventTarget listeners cost more than the request's own work at high concurrency.
    let cut: ((reason: unknown) => void) | undefined;
    const stop = () => {
      ac.abort();
      cut?.(attemptSignal.reason);
    };
    const bounded = <T>(work: Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        if (attemptSignal.aborted) return reject(attemptSignal.reason);
        cut = reject;
        work.then(resolve, reject);
      });
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    signal?.addEventListener("abort", stop);
    let response: Response | undefined;
    let text = "";
    let failure: HeyGenError | undefined;
    let retry: boolean;
    try {
      // hook payloads are built only when someone listens, to keep the hot path lean
      const watched = cfg.onRequest || cfg.onResponse || cfg.logger;
      const info = watched && { method, url, attempt, headers: redactHeaders(headers, cfg.redact) };
      if (info) notify(cfg, op, "request", info);
      const r = scrubResponse(
        await bounded(
          cfg.fetch(url, {
            method,
            headers,
            body: body ?? null,
            signal: attemptSignal,
            redirect: "manual",
          }),
        ),
        cfg.redact,
      );
      if (info) {
        const got = {
          ...info,
          status: r.status,
          requestId: r.headers.get("x-request-id") ?? undefined,
        };
        notify(cfg, op, "response", got);
      }
      text = cfg.redact(await bounded(r.text()));
      // set only once the body is in, so a body cut short counts as a failed attempt
      response = r;
    } catch (e) {
      if (e instanceof HeyGenHookError) {
        ac.abort(); // releases the connection of a response whose body will not be read
        throw e;
      }
      if (signal?.aborted) throw userAbort(op, signal);
      // the cause is not kept: a custom fetch's error may hold the key where it cannot be scrubbed
      failure = timedOut
        ? new APITimeoutError(`${op} timed out after ${timeoutMs} ms`)
        : new APIConnectionError(
            `${op} failed to connect: ${cfg.redact(String(e))} ${failureCode(e) ?? ""}`.trim(),
          );
      retry = isRetryableFailure(e, method === "GET", timedOut);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
    }
    const status = response?.status ?? 0;
    // fetch passes any three-digit status, but a Response (which the raw clients rebuild) cannot
    // hold one outside 200-599, and no HeyGen answer has one
    if (response && !(status >= 200 && status <= 599)) {
      throw invalid(op, response, text, "with a status outside 200-599");
    }
    const location = status > 300 && status < 400 && response?.headers.get("location");
    if (location) {
      // an unparseable Location counts as another origin: refused, never a raw TypeError
      const next = URL.canParse(location, url) ? new URL(location, url) : undefined;
      const code =
        next?.origin !== new URL(url).origin
          ? "cross_origin_redirect"
          : ++hops > MAX_REDIRECTS && "too_many_redirects";
      if (code || !next) {
        throw new APIError(`${op} refused a redirect to ${location} (${code})`, {
          status,
          code: code as string,
          headers: (response as Response).headers,
        });
      }
      if (status === 303 || (status < 303 && method === "POST")) {
        method = "GET";
        body = undefined;
        headers.delete("content-type");
      }
      url = next.href;
      continue;
    }
    const hinted = response && retryAfterMs(response.headers);
    if (response) {
      retry =
        isRetryableStatus(status, method === "GET") && !((hinted as number) > cfg.maxRetryAfterMs);
    }
    if (attempt < maxRetries && retry!) {
      const delayMs = hinted ?? backoffMs(attempt, cfg.retryBaseDelayMs, cfg.retryMaxDelayMs);
      notify(cfg, op, "retrying", { op, attempt, delayMs, status });
      await sleep(delayMs, op, signal);
      attempt++;
      continue;
    }
    if (failure) throw failure;
    let parsed: unknown = text || undefined;
    try {
      if (text) parsed = JSON.parse(text);
      // Any JSON escape ("\u0073k-...", "\/", "\"") can spell the key that only appears once
      // parsed, after the text was scrubbed; re-serializing gives the one spelling the redactor knows.
      if (text.includes("\\")) {
        text = cfg.redact(JSON.stringify(parsed));
        parsed = JSON.parse(text);
      }
    } catch {
      // a scrub that broke the JSON must not leave the unscrubbed first parse behind
      parsed = text || undefined;
      if (status < 300) {
        const what = `with a non-JSON body: ${text.slice(0, 60)}`;
        throw invalid(op, response as Response, text, what);
      }
    }
    return { response: response as Response, text, body: parsed };
  }
}
