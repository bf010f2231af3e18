import { createRequire } from "node:module";
import type { Engine } from "./engine.js";
import { toEngineRequest, toFetchResponse } from "./fetch-adapter.js";
import type { Lifecycle } from "./lifecycle.js";
import type { FakeMswHandler } from "./msw-types.js";
import { ROUTES } from "./routes.js";

export type { FakeMswHandler } from "./msw-types.js";

/** The part of msw's `http` namespace the fake uses (msw 2). */
export interface MswHttp {
  all(path: string, resolver: (info: { request: Request }) => Promise<Response>): FakeMswHandler;
  [method: string]: (
    path: string,
    resolver: (info: { request: Request }) => Promise<Response>,
  ) => FakeMswHandler;
}

/**
 * Loads msw only when a test asks for `fake.handlers`, so the rest of the package works without
 * it (it is an optional peer dependency).
 */
export function loadMsw(): { http: MswHttp } {
  const require = createRequire(import.meta.url);
  try {
    return require("msw") as { http: MswHttp };
  } catch (error) {
    throw new Error(
      "fake.handlers needs msw 2 (an optional peer dependency of @heygen-openapi/testing): install it with `pnpm add -D msw@^2`.",
      { cause: error },
    );
  }
}

/**
 * msw (v2) handlers for every operation of the registry at `baseUrl`, plus a catch-all that
 * answers requests to no known operation with the engine's 404 naming the request. All of them
 * call the same engine as the HTTP server and `fake.fetch`. A reset connection becomes
 * `Response.error()` (msw's network error); a hang waits for the request's signal or the fake's
 * close.
 */
export function createMswHandlers(
  engine: Engine,
  lifecycle: Lifecycle,
  baseUrl: string,
): FakeMswHandler[] {
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
  // Every handler calls the engine, which picks the operation itself, so their order is moot.
  const handlers = ROUTES.map((route) => {
    const path = route.path.replace(/\{([^}]+)\}/g, ":$1");
    const register = http[route.method.toLowerCase()];
    if (typeof register !== "function")
      throw new Error(`msw has no http.${route.method.toLowerCase()}`);
    return register(`${origin}${path}`, resolver);
  });
  handlers.push(http.all(`${origin}/*`, resolver));
  return handlers;
}
