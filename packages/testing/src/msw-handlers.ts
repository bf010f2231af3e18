import { createRequire } from "node:module";
import type { HttpHandler } from "msw";
import type { Engine } from "./engine.js";
import { toEngineRequest, toFetchResponse } from "./fetch-adapter.js";
import type { Lifecycle } from "./lifecycle.js";
import { ROUTES } from "./routes.js";

type Msw = typeof import("msw");

/**
 * Loads msw only when a test asks for `fake.handlers`, so the rest of the package works without
 * it (it is an optional peer dependency).
 */
function loadMsw(): Msw {
  const require = createRequire(import.meta.url);
  try {
    return require("msw") as Msw;
  } catch (error) {
    throw new Error(
      "fake.handlers needs msw 2 (an optional peer dependency of @heygen-openapi/testing): install it with `pnpm add -D msw@^2`.",
      { cause: error },
    );
  }
}

/**
 * msw (v2) handlers for every operation at `baseUrl`, plus a catch-all that answers requests
 * to no known operation with the engine's 404 naming the request. All of them call the same
 * engine as the HTTP server and `fake.fetch`. A reset connection becomes `Response.error()`
 * (msw's network error); a hang waits for the request's signal or the fake's close.
 */
export function createMswHandlers(
  engine: Engine,
  lifecycle: Lifecycle,
  baseUrl: string,
): HttpHandler[] {
  const { http } = loadMsw();
  const origin = baseUrl.replace(/\/+$/, "");
  const resolver = async ({ request }: { request: Request }): Promise<Response> => {
    if (lifecycle.closed) return Response.error();
    const described = engine.handle(await toEngineRequest(request, "msw"));
    if (described.kind === "reset") {
      await lifecycle.sleep(described.delayMs, request.signal).catch(() => undefined);
      return Response.error();
    }
    try {
      return await toFetchResponse(described, lifecycle, request.signal);
    } catch {
      return Response.error();
    }
  };
  const handlers = ROUTES.map((route) => {
    const path = route.path.replace(/\{([^}]+)\}/g, ":$1");
    return route.method === "POST"
      ? http.post(`${origin}${path}`, resolver)
      : http.get(`${origin}${path}`, resolver);
  });
  handlers.push(http.all(`${origin}/*`, resolver));
  return handlers;
}
