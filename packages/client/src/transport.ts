import { sleep } from "./abort.js";
import { attempt, type Sent } from "./attempt.js";
import { errorCodeOf, parseBody } from "./body.js";
import { APIConnectionError, APITimeoutError, type Attempts, invalid } from "./errors.js";
import { notify } from "./hooks.js";
import type { Config, RequestOptions } from "./options.js";
import { redactHeaders } from "./redact.js";
import { redirectTarget } from "./redirect.js";
import { requestHeaders } from "./request-headers.js";
import {
  backoffMs,
  type FailureKind,
  failureCode,
  isRepeatable,
  retryAfterMs,
  retryDecision,
} from "./retry.js";

export { sleep } from "./abort.js";

/**
 * The final answer of a request: the Response exactly as the server sent it (its body already
 * read), its text and parsed body, and how many attempts it took.
 */
export interface Answer {
  response: Response;
  /** The body text, as sent. */
  text: string;
  /** Parsed JSON; the text when an error body is not JSON; undefined when empty. */
  body: unknown;
  /** Attempts made, and whether the call could be repeated: for error messages. */
  attempts: Attempts;
}

/** The kind of call, which picks its default per-attempt timeout. */
export type CallKind = "read" | "write" | "upload";

/** One request as the transport sends it; `body` is kept so that every attempt can resend it. */
export interface Outgoing {
  /** Templated operation for messages, e.g. `GET /v3/avatars/{group_id}`. */
  op: string;
  method: string;
  url: string;
  headers?: HeadersInit | undefined;
  body?: string | ArrayBuffer | FormData | undefined;
  /** Default: `read` for GET, `write` otherwise. */
  kind?: CallKind | undefined;
}

/**
 * How often a keyed write answered 409 `request_in_progress` is asked again (with backoff, and
 * within its timeout) before the 409 surfaces: these waits are not retries.
 */
const MAX_WAITS = 20;

/** What a failed last attempt tells the caller, with the count of attempts made. */
function failed(
  op: string,
  kind: FailureKind,
  cause: unknown,
  ms: number,
  a: Attempts,
  cfg: Config,
) {
  const made = `${a.attempts} attempt${a.attempts === 1 ? " was" : "s were"} made`;
  const why = a.repeatable
    ? made
    : `${made}; it was not repeated, since the server may have acted on it: check whether it ` +
      "took effect, or pass an idempotencyKey so that it can be retried safely";
  // the cause is not kept: a custom fetch's error may hold the key where it cannot be scrubbed
  return kind === "timeout"
    ? new APITimeoutError(`${op} timed out after ${ms} ms per attempt; ${why}`)
    : new APIConnectionError(
        cfg.redact(
          `${op} failed to connect: ${String(cause)} ${failureCode(cause) ?? ""}`.trim() +
            `; ${why}`,
        ),
      );
}

/**
 * Sends one request through the client's steps: headers and auth (`requestHeaders`), one attempt
 * under its own timeout (`attempt`), same-origin redirects (`redirectTarget`), the retry decision
 * (`retryDecision`, with idempotency keys) and body reading (`parseBody`). HTTP errors are
 * returned, not thrown: the raw openapi-fetch clients report them as `{ error }` while the
 * resources turn them into APIErrors. The answer is the server's, unaltered; only what the client
 * writes (errors, hook payloads, log lines) is scrubbed of its secrets.
 */
export async function send(cfg: Config, req: Outgoing, o: RequestOptions = {}): Promise<Answer> {
  const { op } = req;
  const headers = requestHeaders(cfg, op, req.method, req.headers, o);
  const keyed = headers.has("idempotency-key");
  const kind = req.kind ?? (req.method === "GET" ? "read" : "write");
  const timeoutMs = o.timeoutMs ?? cfg.timeouts[kind];
  const maxRetries = o.maxRetries ?? cfg.maxRetries;
  const signal = o.signal;
  let sent: Sent = { url: req.url, method: req.method, headers, body: req.body };
  // hook payloads are built only when someone listens, to keep the hot path lean
  const watched = cfg.onRequest || cfg.onResponse || cfg.logger;
  let retries = 0;
  let hops = 0;
  let waits = 0;
  let waitedMs = 0;
  let attempts = 0;
  for (;;) {
    attempts++;
    const info = watched && {
      method: sent.method,
      url: cfg.redact(sent.url),
      attempt: attempts - 1,
      headers: redactHeaders(sent.headers, cfg.redact),
    };
    if (info) notify(cfg, op, "request", info);
    const a = await attempt(
      cfg.fetch,
      sent,
      timeoutMs,
      signal,
      op,
      info
        ? (r) => {
            const id = r.headers.get("x-request-id");
            notify(cfg, op, "response", {
              ...info,
              status: r.status,
              requestId: id === null ? undefined : cfg.redact(id),
            });
          }
        : undefined,
    );
    const response = a.response;
    const status = response ? response.status : 0;
    let body: unknown;
    let json = true;
    if (response) {
      // fetch passes any three-digit status, but a Response (which the raw clients rebuild) cannot
      // hold one outside 200-599, and no HeyGen answer has one
      if (!(status >= 200 && status <= 599)) {
        throw invalid(op, response, a.text, "with a status outside 200-599", cfg.redact);
      }
      const next = redirectTarget(op, response, sent, hops + 1, cfg.redact);
      if (next) {
        hops++;
        sent = next;
        continue;
      }
      ({ body, json } = parseBody(a.text));
    }
    const hinted = response ? retryAfterMs(response.headers) : undefined;
    const decision = retryDecision({
      method: sent.method,
      keyed,
      status: response ? status : undefined,
      errorCode: status === 409 ? errorCodeOf(body) : undefined,
      failure: a.failure,
      cause: a.failure && a.cause,
      hintedMs: hinted,
      maxRetryAfterMs: cfg.maxRetryAfterMs,
    });
    if (
      decision === "retry"
        ? retries < maxRetries
        : decision === "wait" && waits < MAX_WAITS && waitedMs < timeoutMs
    ) {
      const n = decision === "retry" ? retries++ : Math.min(attempts - 1, 10);
      const delayMs = hinted ?? backoffMs(n, cfg.retryBaseDelayMs, cfg.retryMaxDelayMs);
      if (decision === "wait") {
        waits++;
        waitedMs += delayMs;
      }
      if (watched) notify(cfg, op, "retrying", { op, attempt: attempts - 1, delayMs, status });
      await sleep(delayMs, op, signal);
      continue;
    }
    const tally: Attempts = { attempts, repeatable: isRepeatable(sent.method, keyed) };
    if (a.failure) throw failed(op, a.failure, a.cause, timeoutMs, tally, cfg);
    const r = response as Response;
    if (!json && status < 300) {
      throw invalid(op, r, a.text, `with a non-JSON body: ${a.text.slice(0, 60)}`, cfg.redact);
    }
    return { response: r, text: a.text, body, attempts: tally };
  }
}
