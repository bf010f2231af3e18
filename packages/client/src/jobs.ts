import type { JobStates } from "@heygen-openapi/types";
import { sleep } from "./abort.js";
import {
  HeyGenConfigurationError,
  HeyGenHookError,
  JobFailedError,
  JobTimeoutError,
} from "./errors.js";
import { checkSignalOptions, num } from "./options.js";
import { type Redactor, scrubBody } from "./redact.js";

/** Options of every `waitUntilDone`. Defaults are heygen-cli's. */
export interface WaitUntilDoneOptions<J> {
  /** First delay between polls in ms (the first poll is at once), doubled up to 30 s. Default 2 000. */
  intervalMs?: number | undefined;
  /** Give up with JobTimeoutError after this many ms. Default 1 200 000 (20 minutes). */
  timeoutMs?: number | undefined;
  /** Stops polling; the call rejects with APIUserAbortError (APITimeoutError for a timeout signal). */
  signal?: AbortSignal | undefined;
  /** Called with the job each time its status changes, the first read included. */
  onProgress?: ((job: J) => void) | undefined;
}

const MAX_INTERVAL = 30_000;

/** A copy of the job's own text field, when it has one (`failure_code`, `failure_message`). */
const field = (job: unknown, k: string) => {
  const v = (job as Record<string, unknown>)[k];
  return typeof v === "string" ? v : undefined;
};

/**
 * Polls `get` until the job's status (the registry's `job.statusField`) is one of `job.done`
 * (resolves with the job) or `job.failed` (rejects with JobFailedError). An unknown status keeps
 * polling. The first poll is at once, then the delay starts at `intervalMs`, doubles up to 30 s
 * and is jittered by x0.75 to x1.25; after `timeoutMs` it rejects with JobTimeoutError carrying
 * the last job. Errors of `get` (after the client's retries) propagate unchanged.
 */
export async function waitUntilDone<J extends object>(
  op: string,
  get: (signal: AbortSignal | undefined) => Promise<J>,
  states: JobStates,
  options: WaitUntilDoneOptions<J> | undefined,
  redact: Redactor,
): Promise<J> {
  const where = `${op} waitUntilDone`;
  const o = checkSignalOptions(where, options);
  let interval = num(where, "intervalMs", o.intervalMs, 2_000);
  const deadline = Date.now() + num(where, "timeoutMs", o.timeoutMs, 1_200_000);
  if (o.onProgress !== undefined && typeof o.onProgress !== "function") {
    throw new HeyGenConfigurationError(`${where}: onProgress must be a function`);
  }
  let last: unknown;
  for (;;) {
    const job = await get(o.signal);
    const status = (job as Record<string, unknown>)[states.statusField];
    if (status !== last) {
      last = status;
      try {
        o.onProgress?.(job);
      } catch (e) {
        throw new HeyGenHookError(`${where}: the onProgress callback threw: ${redact(String(e))}`, {
          cause: e,
        });
      }
    }
    if (typeof status === "string" && states.done.includes(status)) return job;
    if (typeof status === "string" && states.failed.includes(status)) {
      const failureCode = field(job, "failure_code");
      const failureMessage = field(job, "failure_message");
      const why = [failureCode, failureMessage].filter(Boolean).join(": ");
      throw Object.assign(
        new JobFailedError(redact(`${where}: the job ended as ${status}${why ? `: ${why}` : ""}`)),
        // the error is the client's text: what it carries of the job is a scrubbed copy
        {
          job: scrubBody(job, redact),
          failureCode: failureCode && redact(failureCode),
          failureMessage: failureMessage && redact(failureMessage),
        },
      );
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw Object.assign(
        new JobTimeoutError(
          redact(`${where}: the job was not done before timeoutMs (last status ${String(status)})`),
        ),
        { job: scrubBody(job, redact) },
      );
    }
    await sleep(Math.min(interval * (0.75 + Math.random() / 2), left), op, o.signal);
    interval = Math.min(interval * 2, Math.max(MAX_INTERVAL, interval));
  }
}
