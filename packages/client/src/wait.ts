import { sleep } from "./abort.js";
import type { PhotoAvatarLook } from "./api-types.js";
import { NotFoundError, PhotoAvatarNotReadyError } from "./errors.js";
import { checkSignalOptions, num } from "./options.js";
import { type Redactor, scrubBody } from "./redact.js";

/** Options of `photoAvatars.waitUntilReady`. */
export interface WaitOptions {
  /** First delay between polls in ms, doubled after each poll up to 30 s. Default 2 000. */
  intervalMs?: number | undefined;
  /** Give up after this many ms with reason `timeout`. Default 600 000 (10 minutes). */
  timeoutMs?: number | undefined;
  /** Stops polling; the call rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
}

const OP = "waitUntilReady";
const MAX_INTERVAL = 30_000;

/**
 * Polls a look until its status is `completed`: the first poll is immediate, then the delay
 * doubles from `intervalMs` to 30 s. `failed` and `moderation_rejected` end it at once, a 404
 * ends it as `not_found`, and the deadline as `timeout`, each as a PhotoAvatarNotReadyError
 * carrying the last look seen. Other errors (after the client's retries) propagate unchanged.
 */
export async function waitUntilReady(
  get: (signal: AbortSignal | undefined) => Promise<PhotoAvatarLook>,
  options: WaitOptions | undefined,
  redact: Redactor,
): Promise<PhotoAvatarLook> {
  const o = checkSignalOptions(OP, options);
  let interval = num(OP, "intervalMs", o.intervalMs, 2_000);
  const deadline = Date.now() + num(OP, "timeoutMs", o.timeoutMs, 600_000);
  let look: PhotoAvatarLook | undefined;
  const stop = (reason: PhotoAvatarNotReadyError["reason"], why: string, cause?: unknown) =>
    Object.assign(
      new PhotoAvatarNotReadyError(
        redact(`${OP}: look ${why}${look ? ` (last status ${look.status})` : ""}`),
        { cause },
      ),
      // the error is the client's text: the look in it is a scrubbed copy
      { reason, look: scrubBody(look, redact) as PhotoAvatarLook | undefined },
    );
  for (;;) {
    try {
      look = await get(o.signal);
    } catch (e) {
      if (e instanceof NotFoundError) throw stop("not_found", "was not found (404)", e);
      throw e;
    }
    const s = look.status;
    if (s === "completed") return look;
    if (s === "failed" || s === "moderation_rejected") {
      throw stop(s, `ended as ${s}${look.moderation_msg ? `: ${look.moderation_msg}` : ""}`);
    }
    const left = deadline - Date.now();
    if (left <= 0) throw stop("timeout", `was not ready before timeoutMs`);
    await sleep(Math.min(interval, left), OP, o.signal);
    interval = Math.min(interval * 2, Math.max(MAX_INTERVAL, interval));
  }
}
