import { findUnknownAsset } from "./asset-refs.js";
import { type AssetStore, createAssetStore } from "./asset-store.js";
import { type Credentials, isAuthorized } from "./auth.js";
import {
  AUTHENTICATION_FAILED_MESSAGE,
  type ErrorShape,
  errorBody,
  type FakeError,
  invalidParameter,
  RATE_LIMITED_MESSAGE,
} from "./error-bodies.js";
import { createFaultTable, type FaultKind, type FaultTable, type StatusFault } from "./faults.js";
import { createFixtures } from "./fixtures.js";
import { createIdempotencyStore, IDEMPOTENCY_KEY, type StoredAnswer } from "./idempotency.js";
import { JOB_KINDS, type JobKind } from "./job-kinds.js";
import {
  createJobStore,
  type JobProcessing,
  type JobSnapshot,
  type JobStore,
} from "./job-store.js";
import type { Lifecycle } from "./lifecycle.js";
import { BadPageToken, pageOf } from "./list-pages.js";
import { type MultipartForm, parseMultipart } from "./multipart.js";
import type { OperationContext, OperationInput, OperationResult } from "./operation-context.js";
import { generatedOperation, STATEFUL_OPERATIONS } from "./operations.js";
import { createRandom } from "./random.js";
import { type RecordedRequest, redactHeaders, type Transport } from "./request-log.js";
import { generationOf, matchRoute, ROUTE_BY_KEY, ROUTES, type Route } from "./routes.js";
import { allowsNull, generateFromSchema } from "./schema-data.js";
import { type SeedCounts, seedState } from "./seed-state.js";
import type { JsonSchema, SpecValidator } from "./spec-validation.js";
import { createStore, type LookProcessing, type Store } from "./state.js";
import { createDispatcher, type Dispatcher, type WebhookOptions } from "./webhook-delivery.js";
import { createWebhookStore, type WebhookStore } from "./webhook-store.js";

/** A request as every adapter hands it to the engine. */
export interface EngineRequest {
  method: string;
  /** Absolute URL or path with query; only path and query are used. */
  url: string;
  /** Header names lowercased. */
  headers: Record<string, string>;
  /** The raw body bytes (or text); undefined or empty when there is none. */
  body: Uint8Array | string | undefined;
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
      /** Call once the answer is sent or abandoned (ends an idempotent call's "in flight"). */
      sent?: () => void;
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
  jobs: JobProcessing;
  webhooks: WebhookOptions;
  lifecycle: Lifecycle;
}

/** One fake's engine: its state, faults, request log and the `handle` function. */
export interface Engine {
  handle(request: EngineRequest): EngineResponse;
  store: Store;
  jobs: JobStore;
  assets: AssetStore;
  webhooks: WebhookStore;
  dispatcher: Dispatcher;
  faults: FaultTable;
  requests: RecordedRequest[];
  /** Responses the fake produced that broke the spec (a bug in the fake); normally empty. */
  violations: string[];
  /** Back to the seeded state: groups, jobs, assets, webhooks, idempotency keys. */
  resetState(): void;
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
  const epochSeconds = Math.floor(options.now() / 1000);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  options.lifecycle.signal.addEventListener("abort", () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  });
  const dataContext = (stream: string) => ({
    random: createRandom(options.seed, stream),
    resolve: (node: JsonSchema) => node,
    nowSeconds: epochSeconds,
  });
  const jobs = createJobStore({
    processing: options.jobs,
    now: options.now,
    random: () => createRandom(options.seed, "jobs"),
    template: (kind) => jobTemplate(kind),
    onSettled: (job, callback) => settled(job, callback),
    schedule: (ms, run) => {
      if (options.lifecycle.closed) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, ms);
      timers.add(timer);
    },
  });
  const assets = createAssetStore(() => createRandom(options.seed, "assets"));
  const webhooks = createWebhookStore(() => createRandom(options.seed, "webhooks"), options.now);
  const dispatcher = createDispatcher({
    lifecycle: options.lifecycle,
    random: () => createRandom(options.seed, "deliveries"),
    now: options.now,
    webhooks: options.webhooks,
  });
  const idempotency = createIdempotencyStore();
  let opsRandom = createRandom(options.seed, "operations");

  /** A fresh resource of a job kind, from the `data` schema of its read. */
  const jobTemplate = (kind: JobKind) => {
    const route = ROUTE_BY_KEY.get(JOB_KINDS[kind].get)!;
    const success = validator.successSchema(route)!;
    const context = {
      random: jobsTemplateRandom(kind),
      resolve: success.resolve,
      nowSeconds: epochSeconds,
    };
    const root = success.resolve(success.schema);
    const dataSchema = success.resolve((root.properties as Record<string, JsonSchema>).data!);
    const resource = generateFromSchema(dataSchema, context) as Record<string, unknown>;
    const nullable = new Set(
      Object.entries((dataSchema.properties ?? {}) as Record<string, JsonSchema>)
        .filter(([, schema]) => allowsNull(schema, context))
        .map(([name]) => name),
    );
    return { resource, nullable };
  };
  const templateRandoms = new Map<JobKind, ReturnType<typeof createRandom>>();
  const jobsTemplateRandom = (kind: JobKind) => {
    let random = templateRandoms.get(kind);
    if (!random) {
      random = createRandom(options.seed, `job-template:${kind}`);
      templateRandoms.set(kind, random);
    }
    return random;
  };

  /** A job ended: its webhook event to every subscribed endpoint, and its callback. */
  const settled = (job: JobSnapshot, callback: { url: string | null; id: string | null }) => {
    const spec = JOB_KINDS[job.kind];
    const ok = job.status === "completed";
    const data = spec.eventData(job.resource, ok, callback.id);
    const eventType = spec.events
      ? ok
        ? spec.events.success
        : spec.events.fail
      : `${job.kind}.${ok ? "success" : "fail"}`;
    if (spec.events) {
      const event = webhooks.addEvent(eventType, data, job.id);
      for (const endpoint of webhooks.subscribers(eventType)) {
        if (endpoint.entity_id !== null && endpoint.entity_id !== job.id) continue;
        dispatcher.webhook(endpoint, event, () => webhooks.get(endpoint.endpoint_id)?.secret);
      }
    }
    if (callback.url)
      dispatcher.callback(callback.url, eventType, { event_type: eventType, event_data: data });
  };

  /** The realistic answer of an operation without state: its 200 schema, filled in. */
  const generated = (route: Route, input: OperationInput): Record<string, unknown> => {
    const success = validator.successSchema(route);
    if (!success) return {};
    const stream = `data:${route.key}:${JSON.stringify(input.params)}`;
    const context = { ...dataContext(stream), resolve: success.resolve };
    const body = generateFromSchema(success.schema, context) as Record<string, unknown>;
    const pathParams = route.descriptor.pathParams;
    const data = body.data;
    if (
      pathParams.length === 1 &&
      typeof data === "object" &&
      data !== null &&
      !Array.isArray(data)
    ) {
      const record = data as Record<string, unknown>;
      const param = pathParams[0]!;
      if (typeof record.id === "string") record.id = input.params[param];
      else if (typeof record[param] === "string") record[param] = input.params[param];
    }
    if (route.descriptor.pagination) {
      // A stable list of 5 items across pages, paged like the stateful lists.
      const root = success.resolve(success.schema);
      const items = success.resolve((root.properties as Record<string, JsonSchema>).data!);
      const all = Array.from({ length: 5 }, (_, i) => ({
        seq: 5 - i,
        value: generateFromSchema((items.items ?? {}) as JsonSchema, context, "item"),
      }));
      const limit = Number(typeof input.query.limit === "string" ? input.query.limit : 20);
      const token = typeof input.query.token === "string" ? input.query.token : undefined;
      Object.assign(body, pageOf(all, token, limit, route.key));
    }
    return body;
  };
  const faults = createFaultTable(options.seed);
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const knownGood = new Set<string>();

  const shapeOf = (route: Route | undefined, pathname: string): ErrorShape =>
    route ? validator.errorShape(route) : generationOf(pathname) === "v2" ? "v2" : "standard";

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
      const key = `${route.key} ${status}\n${extra}${text}`;
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

  const fail = (
    record: RecordedRequest,
    route: Route | undefined,
    error: FakeError,
    delayMs: number,
    extraHeaders: Record<string, string> = {},
  ) =>
    json(
      record,
      route,
      error.status,
      errorBody(shapeOf(route, record.path), error),
      delayMs,
      extraHeaders,
    );

  const statusFault = (
    record: RecordedRequest,
    route: Route,
    fault: StatusFault,
    delayMs: number,
  ): EngineResponse => {
    const retryAfter = fault.retryAfter ?? (fault.status === 429 ? 1 : undefined);
    const headers: Record<string, string> =
      retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
    const error: FakeError =
      fault.status === 429
        ? { status: 429, code: "rate_limit_exceeded", message: RATE_LIMITED_MESSAGE }
        : fault.status === 503
          ? {
              status: 503,
              code: "service_unavailable",
              message: "The service is temporarily unavailable. Try again later.",
            }
          : {
              status: fault.status,
              code: "internal_error",
              message: "An internal error occurred. Try again later.",
            };
    return fail(record, route, error, delayMs, headers);
  };

  const handle = (request: EngineRequest): EngineResponse => {
    const url = new URL(request.url, "http://fake.invalid");
    const method = request.method.toUpperCase();
    const parsed = parseBody(request.body, request.headers["content-type"]);
    const record: RecordedRequest = {
      seq: requests.length + 1,
      transport: request.transport,
      method,
      path: url.pathname,
      query: queryOf(url.searchParams),
      headers: redactHeaders(request.headers),
      body: parsed.recorded,
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
      const known = ROUTES.map((r) => r.key).join(", ");
      const wrongMethod = match.kind === "wrong-method";
      return fail(
        record,
        // A known path: answer in the shape its operations declare.
        wrongMethod ? match.routes[0] : undefined,
        {
          status: wrongMethod ? 405 : 404,
          code: wrongMethod ? "method_not_allowed" : "route_not_found",
          message: wrongMethod
            ? `The fake HeyGen API does not serve ${method} ${url.pathname}; it allows ${match.allowed.join(", ")} there.`
            : `The fake HeyGen API has no route for ${method} ${url.pathname}. Known routes: ${known}.`,
        },
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
          ? answer(record, route, params, parsed, delayMs, request.headers)
          : undefined;
      // The client never gets the operation's answer; an idempotent call is over all the same.
      if (acted?.kind === "respond") acted.sent?.();
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
    return answer(record, route, params, parsed, delayMs, request.headers);
  };

  const answer = (
    record: RecordedRequest,
    route: Route,
    params: Record<string, string>,
    parsed: ParsedBody,
    delayMs: number,
    headers: Record<string, string>,
  ): EngineResponse => {
    if (!isAuthorized(headers, credentials)) {
      return fail(
        record,
        route,
        { status: 401, code: "authentication_failed", message: AUTHENTICATION_FAILED_MESSAGE },
        delayMs,
      );
    }
    const isMutation = route.method !== "GET" && route.method !== "HEAD";
    const key = isMutation ? headers["idempotency-key"] : undefined;
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      return fail(
        record,
        route,
        invalidParameter(
          "Idempotency-Key",
          "Idempotency-Key must be 1 to 255 characters of letters, digits, '_', ':', '.' and '-'.",
        ),
        delayMs,
      );
    }
    const scope = `${route.method} ${record.path}`;
    if (key !== undefined) {
      const seen = idempotency.check(scope, key, options.now());
      if (seen.kind === "in-flight") {
        return fail(
          record,
          route,
          {
            status: 409,
            code: "request_in_progress",
            message:
              "A request with this Idempotency-Key is still in progress; retry once it has finished.",
          },
          delayMs,
        );
      }
      if (seen.kind === "replay") {
        return json(record, route, seen.answer.status, seen.answer.body, delayMs, {
          "idempotent-replayed": "true",
        });
      }
    }
    const result = run(record, route, params, parsed);
    const stored: StoredAnswer =
      "error" in result
        ? {
            status: result.error.status,
            body: errorBody(validator.errorShape(route), result.error),
          }
        : result;
    const response = json(record, route, stored.status, stored.body, delayMs);
    if (key !== undefined) {
      idempotency.record(scope, key, stored, options.now());
      response.sent = () => idempotency.sent(scope, key);
    }
    return response;
  };

  /** Checks the request against the spec, then runs the operation. */
  const run = (
    record: RecordedRequest,
    route: Route,
    params: Record<string, string>,
    parsed: ParsedBody,
  ): OperationResult => {
    const contentType = route.descriptor.requestBody?.contentType;
    if (parsed.kind === "invalid-json" && contentType !== "multipart/form-data") {
      return { error: invalidParameter(null, "The request body is not valid JSON.") };
    }
    if (
      contentType === "multipart/form-data" &&
      parsed.kind !== "form" &&
      parsed.kind !== "empty"
    ) {
      return {
        error: invalidParameter(
          null,
          "The request body must be multipart/form-data with a boundary.",
        ),
      };
    }
    const body =
      parsed.kind === "json"
        ? parsed.value
        : parsed.kind === "form"
          ? formFields(parsed.form)
          : undefined;
    const problem = validator.checkRequest(route, { params, query: record.query, body });
    if (problem) return { error: invalidParameter(problem.param, problem.message) };
    const unknownAsset = findUnknownAsset(body, (id) => assets.get(id) !== undefined);
    if (unknownAsset) {
      return {
        error: invalidParameter(
          unknownAsset.param,
          `${unknownAsset.param} names no uploaded asset; upload the file with POST /v3/assets and pass its asset_id.`,
        ),
      };
    }
    const input: OperationInput = {
      params,
      query: record.query,
      body,
      form: parsed.kind === "form" ? parsed.form : undefined,
    };
    const context: OperationContext = {
      route,
      groups: store,
      jobs,
      assets,
      webhooks,
      generated: (i) => generated(route, i),
      enumValues: (component) => validator.enumValues("v3", component),
      random: opsRandom,
      now: options.now,
    };
    try {
      return (STATEFUL_OPERATIONS[route.key] ?? generatedOperation)(context, input);
    } catch (error) {
      if (error instanceof BadPageToken) return { error: invalidParameter("token", error.message) };
      // A bug in the fake: say so in the answer and in `violations`, never as a dropped socket.
      const message = error instanceof Error ? error.message : String(error);
      violations.push(`${route.key}: the fake failed: ${message}`);
      return {
        error: {
          status: 500,
          code: "fake_internal_error",
          message: `The fake HeyGen API failed: ${message}`,
        },
      };
    }
  };

  const resetState = () => {
    store.reset();
    jobs.reset();
    assets.reset();
    webhooks.reset();
    dispatcher.reset();
    idempotency.clear();
    templateRandoms.clear();
    opsRandom = createRandom(options.seed, "operations");
  };

  return {
    handle,
    store,
    jobs,
    assets,
    webhooks,
    dispatcher,
    faults,
    requests,
    violations,
    resetState,
  };
}

/**
 * Answers remembered as valid: small ones only (a single item, an error), at most this many,
 * cleared when full, so the memory stays under a megabyte however many pages are served.
 */
const KNOWN_GOOD_LIMIT = 256;
const KNOWN_GOOD_MAX_CHARS = 2048;

/** What `malformed-body` sends: JSON-looking, but not JSON (a trailing comma and no close). */
export const MALFORMED_BODY = '{"error": null, "data": {"status": "completed",';

/** A request body, as the engine understands it. */
type ParsedBody =
  | { kind: "empty"; recorded: undefined }
  | { kind: "json"; value: unknown; recorded: unknown }
  | { kind: "invalid-json"; recorded: string }
  | { kind: "form"; form: MultipartForm; recorded: unknown };

function parseBody(
  raw: Uint8Array | string | undefined,
  contentType: string | undefined,
): ParsedBody {
  if (raw === undefined || raw.length === 0) return { kind: "empty", recorded: undefined };
  const bytes =
    typeof raw === "string"
      ? Buffer.from(raw, "utf8")
      : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (contentType !== undefined && /^multipart\/form-data/i.test(contentType)) {
    const form = parseMultipart(contentType, bytes);
    if (form) {
      const files = Object.fromEntries(
        Object.entries(form.files).map(([name, f]) => [
          name,
          { filename: f.filename, size: f.bytes.length },
        ]),
      );
      return { kind: "form", form, recorded: { fields: form.fields, files } };
    }
  }
  const text = typeof raw === "string" ? raw : bytes.toString("utf8");
  try {
    const value: unknown = JSON.parse(text);
    return { kind: "json", value, recorded: value };
  } catch {
    return { kind: "invalid-json", recorded: text };
  }
}

/** A form as the schema sees it: fields as strings, each file part as a placeholder. */
function formFields(form: MultipartForm): Record<string, string> {
  const out: Record<string, string> = { ...form.fields };
  for (const name of Object.keys(form.files)) out[name] = "(binary)";
  return out;
}

function queryOf(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of search) {
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}
