import { HeyGenHookError } from "./errors.js";
import type { Config, ResponseInfo } from "./options.js";

/**
 * Calls the caller's hook and logger for one event. What they throw is the caller's own bug, so it
 * ends the call as a HeyGenHookError instead of passing for a network failure (and being retried).
 * `details` must already be scrubbed: hooks and logs are text the client writes.
 */
export function notify(
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
