import { APITimeoutError, APIUserAbortError, type HeyGenError } from "./errors.js";

/**
 * The error for a caller's signal that fired: a timeout signal (`AbortSignal.timeout()`, whose
 * reason is a `TimeoutError`) is an APITimeoutError, any other abort an APIUserAbortError.
 */
export function callerAborted(op: string, signal: AbortSignal): HeyGenError {
  const reason: unknown = signal.reason;
  if ((reason as { name?: unknown } | null)?.name === "TimeoutError") {
    return new APITimeoutError(`${op} timed out: the caller's signal (AbortSignal.timeout) fired`, {
      cause: reason,
    });
  }
  return new APIUserAbortError(`${op} was aborted by the caller`, { cause: reason });
}

/** Waits `ms`, rejecting early with {@link callerAborted}'s error when the caller's signal fires. */
export function sleep(ms: number, op: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // an abort that came before the sleep began must not wait out the whole delay
    if (signal?.aborted) return reject(callerAborted(op, signal));
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      signal?.aborted ? reject(callerAborted(op, signal)) : resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });
}
