import type { WebhookEvent } from "@heygen-openapi/types";
import { signWebhook } from "@heygen-openapi/webhooks";
import type { Lifecycle } from "./lifecycle.js";
import type { Random } from "./random.js";
import { isLoopback, type StoredEndpoint } from "./webhook-store.js";

/** One attempt to deliver: the status the receiver answered, or why there was none. */
export interface DeliveryAttempt {
  status: number | null;
  /** The network error, when the receiver could not be reached. */
  error: string | null;
}

/** A signed webhook delivery to one endpoint, once it is over (delivered or given up). */
export interface WebhookDelivery {
  endpointId: string;
  url: string;
  eventId: string;
  eventType: string;
  /** The `webhook-id`: the same on every attempt of this delivery. */
  webhookId: string;
  /** The JSON body sent. */
  body: string;
  /** The headers of the last attempt (`webhook-id`, `webhook-timestamp`, `webhook-signature`). */
  headers: Record<string, string>;
  attempts: DeliveryAttempt[];
  /** True when an attempt got a 2xx. */
  delivered: boolean;
  /** Why it was not attempted at all (a host that is not loopback), or null. */
  skipped: string | null;
}

/** An unsigned per-job callback to a `callback_url`, once it is over. */
export interface CallbackDelivery {
  url: string;
  eventType: string;
  body: string;
  attempts: DeliveryAttempt[];
  delivered: boolean;
  skipped: string | null;
}

/** How the fake delivers webhooks and callbacks. */
export interface WebhookOptions {
  /**
   * Waits between attempts, in milliseconds: one more attempt per entry after a non-2xx answer
   * or a network error. Defaults to `[10, 50, 250]` (4 attempts).
   */
  retryDelaysMs?: readonly number[];
  /**
   * Where deliveries may go: `"loopback"` (default: 127.0.0.0/8, localhost, [::1]; other hosts
   * are recorded as skipped, so a test never sends traffic off the machine) or `"any"`.
   */
  deliverTo?: "loopback" | "any";
}

/** Sends and records deliveries for one fake. */
export interface Dispatcher {
  webhook(
    endpoint: StoredEndpoint,
    event: WebhookEvent,
    currentSecret: () => string | undefined,
  ): void;
  callback(url: string, eventType: string, body: unknown): void;
  readonly deliveries: WebhookDelivery[];
  readonly callbacks: CallbackDelivery[];
  /** Resolves once `n` webhook deliveries are over. */
  whenDeliveries(n: number): Promise<readonly WebhookDelivery[]>;
  /** Resolves once `n` callbacks are over. */
  whenCallbacks(n: number): Promise<readonly CallbackDelivery[]>;
  reset(): void;
}

interface Waiter {
  n: number;
  list: unknown[];
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/** Creates the dispatcher of one fake. */
export function createDispatcher(options: {
  lifecycle: Lifecycle;
  random: () => Random;
  now: () => number;
  webhooks: WebhookOptions;
}): Dispatcher {
  const { lifecycle } = options;
  const delays = options.webhooks.retryDelaysMs ?? [10, 50, 250];
  const deliverTo = options.webhooks.deliverTo ?? "loopback";
  const deliveries: WebhookDelivery[] = [];
  const callbacks: CallbackDelivery[] = [];
  let waiters: Waiter[] = [];
  let rng = options.random();

  lifecycle.signal.addEventListener("abort", () => {
    for (const w of waiters)
      w.reject(new Error("the fake HeyGen API closed before the deliveries were over"));
    waiters = [];
  });

  const settled = (list: unknown[]) => {
    waiters = waiters.filter((w) => {
      if (w.list !== list || list.length < w.n) return true;
      w.resolve(list.slice() as never);
      return false;
    });
  };

  const skipReason = (url: string): string | null => {
    if (deliverTo === "any") return null;
    try {
      return isLoopback(new URL(url).hostname)
        ? null
        : 'not a loopback address: the fake delivers only to 127.0.0.0/8, localhost and [::1] unless webhooks.deliverTo is "any"';
    } catch {
      return "not a valid URL";
    }
  };

  /** Posts until a 2xx or the attempts run out; resolves with the attempts. */
  const post = async (
    url: string,
    request: () => { headers: Record<string, string>; body: string } | undefined,
  ): Promise<{
    attempts: DeliveryAttempt[];
    delivered: boolean;
    headers: Record<string, string>;
  }> => {
    const attempts: DeliveryAttempt[] = [];
    let headers: Record<string, string> = {};
    for (let i = 0; i <= delays.length; i++) {
      if (i > 0) {
        try {
          await lifecycle.sleep(delays[i - 1]!);
        } catch {
          break; // the fake closed
        }
      }
      const next = request();
      if (!next) break; // the endpoint was deleted meanwhile
      headers = next.headers;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "heygen-fake-webhooks",
            ...next.headers,
          },
          body: next.body,
          signal: lifecycle.signal,
          redirect: "manual",
        });
        await response.arrayBuffer().catch(() => undefined);
        attempts.push({ status: response.status, error: null });
        if (response.status >= 200 && response.status < 300)
          return { attempts, delivered: true, headers };
      } catch (error) {
        if (lifecycle.closed) break;
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        attempts.push({ status: null, error: cause?.code ?? cause?.message ?? String(error) });
      }
    }
    return { attempts, delivered: false, headers };
  };

  return {
    deliveries,
    callbacks,
    webhook(endpoint, event, currentSecret) {
      const body = JSON.stringify(event);
      const webhookId = `msg_${rng.hex(24)}`;
      const base = {
        endpointId: endpoint.endpoint_id,
        url: endpoint.url,
        eventId: event.event_id,
        eventType: event.event_type,
        webhookId,
        body,
      };
      const skipped = skipReason(endpoint.url);
      if (skipped) {
        deliveries.push({ ...base, headers: {}, attempts: [], delivered: false, skipped });
        settled(deliveries);
        return;
      }
      void post(endpoint.url, () => {
        const secret = currentSecret();
        if (secret === undefined) return undefined;
        // A fresh timestamp and signature per attempt, with the endpoint's current secret.
        const timestamp = Math.floor(options.now() / 1000);
        return { headers: signWebhook({ secret, id: webhookId, timestamp, body }), body };
      }).then(
        ({ attempts, delivered, headers }) => {
          if (lifecycle.closed) return;
          deliveries.push({ ...base, headers, attempts, delivered, skipped: null });
          settled(deliveries);
        },
        () => undefined,
      );
    },
    callback(url, eventType, payload) {
      const body = JSON.stringify(payload);
      const skipped = skipReason(url);
      if (skipped) {
        callbacks.push({ url, eventType, body, attempts: [], delivered: false, skipped });
        settled(callbacks);
        return;
      }
      void post(url, () => ({ headers: {}, body })).then(
        ({ attempts, delivered }) => {
          if (lifecycle.closed) return;
          callbacks.push({ url, eventType, body, attempts, delivered, skipped: null });
          settled(callbacks);
        },
        () => undefined,
      );
    },
    whenDeliveries(n) {
      return wait(n, deliveries) as Promise<readonly WebhookDelivery[]>;
    },
    whenCallbacks(n) {
      return wait(n, callbacks) as Promise<readonly CallbackDelivery[]>;
    },
    reset() {
      deliveries.length = 0;
      callbacks.length = 0;
      rng = options.random();
    },
  };

  function wait(n: number, list: unknown[]): Promise<readonly unknown[]> {
    if (list.length >= n) return Promise.resolve(list.slice());
    if (lifecycle.closed) return Promise.reject(new Error("the fake HeyGen API is closed"));
    return new Promise((resolve, reject) => {
      waiters.push({ n, list, resolve: resolve as (value: never) => void, reject });
    });
  }
}
