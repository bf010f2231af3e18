/** What the operation answered, kept for replays. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** The outcome of presenting an `Idempotency-Key`. */
export type IdempotencyCheck =
  | { kind: "new" }
  | { kind: "replay"; answer: StoredAnswer }
  | { kind: "in-flight" };

/** HeyGen's rule for keys: 1 to 255 characters of `[A-Za-z0-9_:.-]`. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_:.-]{1,255}$/;

/** How long an answer is replayed: 24 hours. */
export const REPLAY_MS = 24 * 60 * 60 * 1000;

interface Entry {
  answer: StoredAnswer | undefined;
  inFlight: boolean;
  storedMs: number;
}

/**
 * Idempotency keys as HeyGen documents them: the first answer to a key is replayed for 24 hours
 * (on the fake's clock); while the first call is still in flight (its answer not yet sent), the
 * same key gets 409 `request_in_progress`. Keys are scoped per method and path (endpoint and
 * resource).
 */
export interface IdempotencyStore {
  check(scope: string, key: string, nowMs: number): IdempotencyCheck;
  /** Records the operation's answer; the call stays in flight until `sent`. */
  record(scope: string, key: string, answer: StoredAnswer, nowMs: number): void;
  /** The answer has been sent (or the client went away). */
  sent(scope: string, key: string): void;
  clear(): void;
}

/** Creates an empty idempotency store. */
export function createIdempotencyStore(): IdempotencyStore {
  const entries = new Map<string, Entry>();
  const id = (scope: string, key: string) => `${scope}\n${key}`;
  return {
    check(scope, key, nowMs) {
      const entry = entries.get(id(scope, key));
      if (!entry || nowMs - entry.storedMs >= REPLAY_MS) return { kind: "new" };
      if (entry.inFlight || !entry.answer) return { kind: "in-flight" };
      return { kind: "replay", answer: structuredClone(entry.answer) };
    },
    record(scope, key, answer, nowMs) {
      entries.set(id(scope, key), {
        answer: structuredClone(answer),
        inFlight: true,
        storedMs: nowMs,
      });
    },
    sent(scope, key) {
      const entry = entries.get(id(scope, key));
      if (entry) entry.inFlight = false;
    },
    clear: () => entries.clear(),
  };
}
