import { type Credentials, isAuthorized } from "./auth.js";
import { AUTHENTICATION_FAILED_MESSAGE, errorBody, RATE_LIMITED_MESSAGE } from "./error-bodies.js";
import { createFaultTable, type FaultKind, type FaultTable, type StatusFault } from "./faults.js";
import { createFixtures } from "./fixtures.js";
import { OPERATIONS } from "./operations.js";
import { createRandom } from "./random.js";
import { type RecordedRequest, redactHeaders, type Transport } from "./request-log.js";
import { generationOf, matchRoute, ROUTES, type Route } from "./routes.js";
import { type SeedCounts, seedState } from "./seed-state.js";
import type { SpecValidator } from "./spec-validation.js";
import { createStore, type LookProcessing, type Store } from "./state.js";

/** A request as every adapter hands it to the engine. */
export interface EngineRequest {
  method: string;
  /** Absolute URL or path with query; only path and query are used. */
  url: string;
  /** Header names lowercased. */
  headers: Record<string, string>;
  /** The raw body text; undefined or "" when there is none. */
  body: string | undefined;
  transport: Transport;
}

/**
 * What to send back, described once for all adapters:
 * - `respond`: wait `delayMs`, then send status, headers and body; with `truncateAfter`, send
 *   only that many bytes of the body (headers still announce the whole) and cut the connection;
 * - `reset`: wait `delayMs`, then drop the connection without a response;
 * - `hang`: never answer; the adapter waits for the client to give up or the fake to close.
 */
export type EngineResponse =
  | {
      kind: "respond";
      status: number;
      headers: Record<string, string>;
      body: string;
      delayMs: number;
      truncateAfter?: number;
    }
  | { kind: "reset"; delayMs: number }
  | { kind: "hang" };

/** Options of {@link createEngine}. */
export interface EngineOptions {
  apiKey: string;
  bearerTokens: readonly string[];
  seed: number;
  latencyMs: number;
  now: () => number;
  looks: LookProcessing;
  seedCounts: SeedCounts | "empty";
  validateResponses: boolean;
  validator: SpecValidator;
}

/** One fake's engine: its state, faults, request log and the `handle` function. */
export interface Engine {
  handle(request: EngineRequest): EngineResponse;
  store: Store;
  faults: FaultTable;
  requests: RecordedRequest[];
  /** Responses the fake produced that broke the spec (a bug in the fake); normally empty. */
  violations: string[];
}

/**
 * Creates the engine behind one fake: the single implementation of HeyGen's behaviour that the
 * HTTP server, the fetch function and the msw handlers all call.
 */
export function createEngine(options: EngineOptions): Engine {
  const credentials: Credentials = { apiKey: options.apiKey, bearerTokens: options.bearerTokens };
  const validator = options.validator;
  const store = createStore({
    fixtures: () => createFixtures({ seed: options.seed }),
    random: () => createRandom(options.seed, "state"),
    now: options.now,
    processing: options.looks,
    checks: {
      group: (g) => validator.assertGroup(g, "fake.state"),
      look: (l) => validator.assertLook(l, "fake.state"),
    },
    seed: (s) => {
      if (options.seedCounts !== "empty") {
        seedState(s, createRandom(options.seed, "seed-looks"), options.seedCounts);
      }
    },
  });
  store.reset();
  const faults = createFaultTable(options.seed);
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const knownGood = new Set<string>();

  const json = (
    record: RecordedRequest,
    route: Route | undefined,
    status: number,
    body: unknown,
    delayMs: number,
    extraHeaders: Record<string, string> = {},
  ): EngineResponse & { kind: "respond" } => {
    const headers = {
      "content-type": "application/json",
      "x-request-id": `fake-${options.seed}-${record.seq}`,
      ...extraHeaders,
    };
    const text = JSON.stringify(body);
    if (route && options.validateResponses) {
      // The request id is the only header that differs between two otherwise equal answers, and
      // the spec only asks it to be a string; so an answer already found valid, byte for byte,
      // is valid again. Schema checks cost more than the rest of a request.
      let extra = "";
      for (const name in extraHeaders) extra += `${name}: ${extraHeaders[name]}\n`;
      const key = `${route.operationId} ${status}\n${extra}${text}`;
      if (!knownGood.has(key)) {
        const check = validator.checkResponse(route, status, headers, body);
        for (const problem of check.problems) {
          violations.push(`${route.method} ${route.path} -> ${status}: ${problem}`);
        }
        if (check.problems.length === 0 && key.length <= KNOWN_GOOD_MAX_CHARS) {
          if (knownGood.size >= KNOWN_GOOD_LIMIT) knownGood.clear();
          knownGood.add(key);
        }
      }
    }
    record.status = status;
    return { kind: "respond", status, headers, body: text, delayMs };
  };

  const statusFault = (
    record: RecordedRequest,
    route: Route,
    fault: StatusFault,
    delayMs: number,
  ): EngineResponse => {
    const retryAfter = fault.retryAfter ?? (fault.status === 429 ? 1 : undefined);
    const headers: Record<string, string> =
      retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
    const body =
      fault.status === 429
        ? errorBody(route.generation, "rate_limit_exceeded", RATE_LIMITED_MESSAGE)
        : fault.status === 503
          ? errorBody(
              route.generation,
              "service_unavailable",
              "The service is temporarily unavailable. Try again later.",
            )
          : errorBody(
              route.generation,
              "internal_error",
              "An internal error occurred. Try again later.",
            );
    return json(record, route, fault.status, body, delayMs, headers);
  };

  const handle = (request: EngineRequest): EngineResponse => {
    const url = new URL(request.url, "http://fake.invalid");
    const method = request.method.toUpperCase();
    const text = request.body ?? "";
    const parsed = parseJson(text);
    const record: RecordedRequest = {
      seq: requests.length + 1,
      transport: request.transport,
      method,
      path: url.pathname,
      query: queryOf(url.searchParams),
      headers: redactHeaders(request.headers),
      body: text === "" ? undefined : parsed.ok ? parsed.value : text,
      operationId: null,
      unmatched: false,
      status: null,
      fault: null,
    };
    requests.push(record);
    const baseDelay = options.latencyMs;

    const match = matchRoute(method, url.pathname);
    if (match.kind !== "matched") {
      record.unmatched = true;
      const known = ROUTES.map((r) => `${r.method} ${r.path}`).join(", ");
      const wrongMethod = match.kind === "wrong-method";
      return json(
        record,
        undefined,
        wrongMethod ? 405 : 404,
        errorBody(
          generationOf(url.pathname),
          wrongMethod ? "method_not_allowed" : "route_not_found",
          wrongMethod
            ? `The fake HeyGen API does not serve ${method} ${url.pathname}; it allows ${match.allowed.join(", ")} there.`
            : `The fake HeyGen API has no route for ${method} ${url.pathname}. Known routes: ${known}.`,
        ),
        baseDelay,
        wrongMethod ? { allow: match.allowed.join(", ") } : {},
      );
    }
    const { route, params } = match;
    record.operationId = route.operationId;

    const decision = faults.decide(route, url.pathname);
    const delayMs = baseDelay + decision.delayMs;
    if (decision.delayMs > 0) record.fault = "latency";
    const fault = decision.replace;
    if (fault) {
      const kind: FaultKind = fault.kind ?? "status";
      // A truncated body is always the real answer cut short; other faults let the operation
      // run first only when asked (a server that acted, then failed to answer).
      const acted =
        fault.kind === "truncated-body" || fault.afterOperation === true
          ? answer(record, route, params, parsed, text, delayMs, request.headers)
          : undefined;
      record.fault = kind;
      switch (fault.kind) {
        case undefined:
        case "status":
          return statusFault(record, route, fault, delayMs);
        case "connection-reset":
          record.status = null;
          return { kind: "reset", delayMs };
        case "hang":
          record.status = null;
          return { kind: "hang" };
        case "malformed-body":
          record.status = fault.status ?? 200;
          return {
            kind: "respond",
            status: record.status,
            headers: {
              "content-type": "application/json",
              "x-request-id": `fake-${options.seed}-${record.seq}`,
            },
            body: MALFORMED_BODY,
            delayMs,
          };
        case "truncated-body": {
          if (acted?.kind !== "respond") return acted ?? { kind: "reset", delayMs };
          return { ...acted, truncateAfter: Math.floor(Buffer.byteLength(acted.body) / 2) };
        }
      }
    }
    return answer(record, route, params, parsed, text, delayMs, request.headers);
  };

  const answer = (
    record: RecordedRequest,
    route: Route,
    params: Record<string, string>,
    parsed: ParsedJson,
    text: string,
    delayMs: number,
    headers: Record<string, string>,
  ): EngineResponse => {
    const generation = route.generation;
    if (!isAuthorized(headers, credentials)) {
      return json(
        record,
        route,
        401,
        errorBody(generation, "authentication_failed", AUTHENTICATION_FAILED_MESSAGE),
        delayMs,
      );
    }
    if (route.method === "POST" && text !== "" && !parsed.ok) {
      return json(
        record,
        route,
        400,
        errorBody(generation, "invalid_parameter", "The request body is not valid JSON."),
        delayMs,
      );
    }
    const body = text === "" ? undefined : parsed.ok ? parsed.value : undefined;
    const problem = validator.checkRequest(route, { params, query: record.query, body });
    if (problem) {
      return json(
        record,
        route,
        400,
        errorBody(generation, "invalid_parameter", problem.message, problem.param),
        delayMs,
      );
    }
    const result = OPERATIONS[route.operationId](store, { params, query: record.query, body });
    return json(record, route, result.status, result.body, delayMs);
  };

  return { handle, store, faults, requests, violations };
}

/**
 * Answers remembered as valid: small ones only (a single item, an error), at most this many,
 * cleared when full, so the memory stays under a megabyte however many pages are served.
 */
const KNOWN_GOOD_LIMIT = 256;
const KNOWN_GOOD_MAX_CHARS = 2048;

/** What `malformed-body` sends: JSON-looking, but not JSON (a trailing comma and no close). */
export const MALFORMED_BODY = '{"error": null, "data": {"status": "completed",';

type ParsedJson = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): ParsedJson {
  if (text === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function queryOf(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of search) {
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}
