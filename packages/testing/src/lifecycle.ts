import { setMaxListeners } from "node:events";
/**
 * Tracks what a fake has in flight (latency timers, hanging requests) so `close()` can end all
 * of it: nothing outlives the fake.
 */
export interface Lifecycle {
  readonly closed: boolean;
  /** Aborted when the fake closes. */
  readonly signal: AbortSignal;
  /**
   * Resolves after `ms`; rejects with the client's abort reason, or with `closedError()` when
   * the fake closes first. With `ms` of 0 it settles at once, without a timer.
   */
  sleep(ms: number, clientSignal?: AbortSignal | null): Promise<void>;
  /** Never resolves; rejects like `sleep` when the client gives up or the fake closes. */
  hang(clientSignal?: AbortSignal | null): Promise<never>;
  close(): void;
}

/** The error in-process callers see once the fake is closed: a refused connection. */
export function closedError(): TypeError {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error("connect ECONNREFUSED (the fake HeyGen API is closed)"), {
      code: "ECONNREFUSED",
    }),
  });
}

/** Creates the lifecycle of one fake. */
export function createLifecycle(): Lifecycle {
  const controller = new AbortController();
  // Every pending wait listens for close; any number of concurrent requests is expected, so the
  // default limit of 10 would only print a false "possible memory leak" warning in users' tests.
  setMaxListeners(0, controller.signal);
  // read on every request; the controller's signal getter is not free
  const closing = controller.signal;
  const wait = (ms: number | undefined, clientSignal?: AbortSignal | null): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (controller.signal.aborted) return reject(closedError());
      if (clientSignal?.aborted) return reject(clientSignal.reason);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const cleanup = () => {
        if (timer !== undefined) clearTimeout(timer);
        controller.signal.removeEventListener("abort", onClose);
        clientSignal?.removeEventListener("abort", onAbort);
      };
      const onClose = () => {
        cleanup();
        reject(closedError());
      };
      const onAbort = () => {
        cleanup();
        reject(clientSignal?.reason);
      };
      controller.signal.addEventListener("abort", onClose, { once: true });
      clientSignal?.addEventListener("abort", onAbort, { once: true });
      if (ms !== undefined) {
        timer = setTimeout(() => {
          cleanup();
          resolve();
        }, ms);
      }
    });
  return {
    get closed() {
      return closing.aborted;
    },
    signal: controller.signal,
    // No latency asked: answer in the same turn. A setTimeout(0) costs a whole millisecond per
    // request, which made the in-process fetch slower than a real socket.
    sleep: (ms, clientSignal) => {
      if (ms > 0) return wait(ms, clientSignal);
      if (controller.signal.aborted) return Promise.reject(closedError());
      if (clientSignal?.aborted) return Promise.reject(clientSignal.reason);
      return Promise.resolve();
    },
    hang: (clientSignal) => wait(undefined, clientSignal) as Promise<never>,
    close: () => controller.abort(),
  };
}
