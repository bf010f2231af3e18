import type { Engine, EngineResponse } from "./engine.js";
import { closedError, type Lifecycle } from "./lifecycle.js";
import type { Transport } from "./request-log.js";

/** The origin relative URLs given to `fake.fetch` resolve against. */
export const DEFAULT_BASE_URL = "https://api.heygen.com";

/** Reads a web `Request` into the engine's request shape. */
export async function toEngineRequest(request: Request, transport: Transport) {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body =
    request.method === "GET" || request.method === "HEAD"
      ? undefined
      : new Uint8Array(await request.arrayBuffer());
  return { method: request.method, url: request.url, headers, body, transport };
}

/**
 * Turns an engine response into what `fetch` does: a `Response`, or a rejection like undici's
 * (`TypeError: fetch failed` with an `ECONNRESET` cause) for a reset connection. A truncated
 * body errors mid-stream with undici's `TypeError: terminated`.
 */
export async function toFetchResponse(
  described: EngineResponse,
  lifecycle: Lifecycle,
  signal: AbortSignal | null,
): Promise<Response> {
  if (described.kind === "hang") return lifecycle.hang(signal);
  try {
    await lifecycle.sleep(described.delayMs, signal);
  } finally {
    if (described.kind === "respond") described.sent?.();
  }
  if (described.kind === "reset") {
    throw new TypeError("fetch failed", {
      cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read" }),
    });
  }
  const { status, headers, body, truncateAfter } = described;
  if (truncateAfter === undefined) return new Response(body, { status, headers });
  const bytes = new TextEncoder().encode(body);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.subarray(0, truncateAfter));
      controller.error(
        new TypeError("terminated", {
          cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
        }),
      );
    },
  });
  return new Response(stream, {
    status,
    headers: { ...headers, "content-length": String(bytes.byteLength) },
  });
}

/**
 * The fake as a `fetch` function: no socket, same engine. Relative URLs resolve against
 * `https://api.heygen.com`; the host of absolute URLs is ignored.
 */
export function createFakeFetch(engine: Engine, lifecycle: Lifecycle): typeof fetch {
  return async (input, init) => {
    if (lifecycle.closed) throw closedError();
    const request =
      typeof input === "string" && input.startsWith("/")
        ? new Request(new URL(input, DEFAULT_BASE_URL), init)
        : new Request(input, init);
    const described = engine.handle(await toEngineRequest(request, "fetch"));
    // The caller's own signal, not `request.signal`: undici's Request follows the caller's signal
    // through a weak reference, so once the Request is collected a hanging answer never hears the
    // abort.
    const signal = init?.signal ?? (input instanceof Request ? input.signal : null);
    return toFetchResponse(described, lifecycle, signal);
  };
}
