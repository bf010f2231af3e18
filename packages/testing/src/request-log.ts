import type { FaultKind } from "./faults.js";
import type { OperationId } from "./routes.js";

/** How a request reached the fake. */
export type Transport = "http" | "fetch" | "msw";

/**
 * One request the fake received, as tests inspect it. Credentials are redacted: `x-api-key`
 * and `authorization` show as `"[redacted]"`.
 */
export interface RecordedRequest {
  /** 1 for the first request the fake received, then 2, 3... */
  seq: number;
  transport: Transport;
  method: string;
  /** The path without the query string. */
  path: string;
  /** Query parameters; a repeated parameter becomes an array. */
  query: Record<string, string | string[]>;
  /** Lowercased header names; credentials redacted. */
  headers: Record<string, string>;
  /** The parsed JSON body, the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  /** The operation it matched, or null. */
  operationId: OperationId | null;
  /** True when no operation matched (the fake answered 404 or 405 naming the request). */
  unmatched: boolean;
  /** The status sent, or null when the connection was reset or left hanging. */
  status: number | null;
  /** The injected fault that shaped the response, if any. */
  fault: FaultKind | null;
}

const SECRET_HEADERS = new Set(["x-api-key", "authorization", "proxy-authorization", "cookie"]);

/** Copies `headers` with credentials replaced by `"[redacted]"`. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADERS.has(name) ? "[redacted]" : value;
  }
  return out;
}
