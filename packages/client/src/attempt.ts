import { callerAborted } from "./abort.js";
import { HeyGenHookError } from "./errors.js";
import type { FailureKind } from "./retry.js";

/** What one attempt sends; `body` is kept so that every attempt can send it again. */
export interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body?: BodyInit | undefined;
}

/** An attempt either got an answer whose body was read in full, or failed without one. */
export type Attempted =
  | { response: Response; text: string; failure?: undefined }
  | { response?: undefined; failure: FailureKind; cause: unknown };

/**
 * The per-attempt timeout step: sends one attempt and reads its whole body (the read is part of
 * the attempt, so a reset or a stall mid-body is a failed attempt like any other), under a timer
 * of `timeoutMs`. Resolves with the answer or the kind of failure; rejects only when the caller's
 * signal fired (see `callerAborted`) or `onAnswer` (the caller's hooks) threw.
 */
export async function attempt(
  fetchFn: (input: string, init: RequestInit) => Promise<Response>,
  sent: Sent,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  op: string,
  onAnswer?: (r: Response) => void,
): Promise<Attempted> {
  if (signal?.aborted) throw callerAborted(op, signal);
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
  try {
    const response = await bounded(
      fetchFn(sent.url, {
        method: sent.method,
        headers: sent.headers,
        body: sent.body ?? null,
        signal: attemptSignal,
        redirect: "manual",
      }),
    );
    onAnswer?.(response);
    return { response, text: await bounded(response.text()) };
  } catch (e) {
    if (e instanceof HeyGenHookError) {
      ac.abort(); // releases the connection of a response whose body will not be read
      throw e;
    }
    if (signal?.aborted) throw callerAborted(op, signal);
    return { failure: timedOut ? "timeout" : "connection", cause: e };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", stop);
  }
}
