import type { OperationKey, WebhookEndpoint } from "@heygen-openapi/types";
import type { StoredAsset } from "./asset-store.js";
import { createEngine } from "./engine.js";
import type { FaultSpec, InjectedFault } from "./faults.js";
import { createFakeFetch, DEFAULT_BASE_URL } from "./fetch-adapter.js";
import { type FakeHttpServer, startHttpServer } from "./http-server.js";
import type { FakeJobs, JobProcessing } from "./job-store.js";
import { createLifecycle } from "./lifecycle.js";
import { createMswHandlers, type FakeMswHandler } from "./msw-handlers.js";
import { createOperationHandler, type ResolverOf } from "./operation-handler.js";
import type { RecordedRequest } from "./request-log.js";
import type { SeedCounts } from "./seed-state.js";
import { sharedSpecValidator } from "./spec-validation.js";
import type { FakeState, LookProcessing } from "./state.js";
import type { CallbackDelivery, WebhookDelivery, WebhookOptions } from "./webhook-delivery.js";
import { endpointView } from "./webhook-store.js";

/** Options of {@link FakeHeyGen.listen}. */
export interface ListenOptions {
  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

/** Options of {@link createFakeHeyGen}. */
export interface FakeHeyGenOptions {
  /** The API key the fake accepts in `x-api-key` or as a bearer token. Defaults to `"test-key"`. */
  apiKey?: string;
  /** More bearer tokens it accepts (`Authorization: Bearer ...`), e.g. OAuth tokens. */
  bearerTokens?: readonly string[];
  /** Seeds the state, the ids it creates and `rate` faults. Defaults to 1. */
  seed?: number;
  /** Latency added to every response, in milliseconds. Defaults to 0. */
  latencyMs?: number;
  /** The clock (milliseconds since the epoch) for new looks and `looks.pendingMs`. */
  now?: () => number;
  /** How added looks progress from `pending` (by reads, by time, to which outcome). */
  looks?: LookProcessing;
  /**
   * How jobs (videos, video translations, proofreads, lipsyncs, video-agent sessions) progress:
   * by reads (default: the third read sees the end), by time (`durationMs`, a real timer), to
   * which outcome.
   */
  jobs?: JobProcessing;
  /** How webhook deliveries and callbacks are retried, and where they may go (loopback only by default). */
  webhooks?: WebhookOptions;
  /**
   * The seeded groups: how many public and private groups (examples included; default 8 and
   * 5), or `"empty"` for none.
   */
  groups?: SeedCounts | "empty";
  /** The origin the msw handlers intercept. Defaults to `https://api.heygen.com`. */
  baseUrl?: string;
  /**
   * Check every response against the bundled spec and record problems in `violations`.
   * Defaults to true; there is rarely a reason to turn it off.
   */
  validateResponses?: boolean;
}

/**
 * A stateful fake of HeyGen's avatar API (v2 and v3), served three ways by one engine: over
 * HTTP, as a `fetch` function and as msw handlers. Each fake has its own state, faults and
 * request log.
 */
export interface FakeHeyGen {
  /** Starts the HTTP server on 127.0.0.1 (a random port unless `port` is given); resolves to {@link url}. */
  listen(options?: ListenOptions): Promise<string>;
  /** `http://127.0.0.1:<port>`; throws before {@link listen} and after {@link close}. */
  readonly url: string;
  /** The fake as a `fetch` function, in-process, no socket. */
  readonly fetch: typeof globalThis.fetch;
  /**
   * msw (v2) handlers for the same fake (needs msw installed; built on first access). Typed as
   * msw's `HttpHandler` where msw is installed; the package's types never require it.
   */
  readonly handlers: FakeMswHandler[];
  /**
   * An msw handler that answers one operation your way, typed from the generated `paths`: the
   * resolver gets the request checked against the operation's schema and must answer a status
   * the operation declares with that status's body. Put it before `fake.handlers` in
   * `server.use(...)`; its answers are checked against the spec into `violations`.
   * @example
   * server.use(fake.handler("GET /v3/videos/{video_id}", ({ params }) => ({
   *   status: 404,
   *   body: { error: { code: "video_not_found", message: `No ${params.video_id}`, param: null, doc_url: null } },
   * })));
   */
  handler<K extends OperationKey>(key: K, resolve: ResolverOf<K>): FakeMswHandler;
  /** The groups and looks, readable and writable. */
  readonly state: FakeState;
  /** The long-running jobs: read them, end them (`complete`, `fail`), set their outcome. */
  readonly jobs: FakeJobs;
  /** The uploaded assets, oldest first. */
  readonly assets: readonly StoredAsset[];
  /** The webhook endpoints, newest first, with their current secrets (what a test may need to verify). */
  readonly webhookEndpoints: readonly (WebhookEndpoint & { secret: string })[];
  /** Every signed webhook delivery that is over (delivered, given up or skipped), in order. */
  readonly webhookDeliveries: readonly WebhookDelivery[];
  /** Every per-job `callback_url` delivery that is over, in order. */
  readonly callbackDeliveries: readonly CallbackDelivery[];
  /** Resolves once `count` webhook deliveries are over (rejects if the fake closes first). */
  waitForDeliveries(count: number): Promise<readonly WebhookDelivery[]>;
  /** Resolves once `count` callbacks are over (rejects if the fake closes first). */
  waitForCallbacks(count: number): Promise<readonly CallbackDelivery[]>;
  /** Every request received, oldest first, credentials redacted. */
  readonly requests: readonly RecordedRequest[];
  /** The requests that matched no operation. */
  readonly unmatched: readonly RecordedRequest[];
  /** Responses the fake sent that broke the bundled spec (a bug in the fake); normally empty. */
  readonly violations: readonly string[];
  /** Injects a fault; see {@link FaultSpec}. */
  inject(fault: FaultSpec): InjectedFault;
  /** Removes every injected fault. */
  clearFaults(): void;
  /** Back to the seeded state (groups, jobs, assets, webhooks, idempotency keys), with no requests recorded and no faults. */
  reset(): void;
  /** Throws an error listing the requests that matched no operation, if any. */
  assertNoUnmatched(): void;
  /** Stops the server, ends hanging requests and timers. Idempotent. */
  close(): Promise<void>;
}

/**
 * Creates a fake HeyGen API.
 *
 * @example
 * const fake = await createFakeHeyGen({ apiKey: "test-key", seed: 1 });
 * await fake.listen();
 * const res = await fetch(`${fake.url}/v3/avatars?limit=5`, { headers: { "x-api-key": "test-key" } });
 * fake.inject({ status: 429, retryAfter: 1, times: 1 });
 * await fake.close();
 */
export async function createFakeHeyGen(options: FakeHeyGenOptions = {}): Promise<FakeHeyGen> {
  const apiKey = options.apiKey ?? "test-key";
  if (typeof apiKey !== "string" || apiKey === "") {
    throw new TypeError("createFakeHeyGen: apiKey must be a non-empty string");
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed))
    throw new TypeError(`createFakeHeyGen: seed must be an integer, got ${String(seed)}`);
  const latencyMs = options.latencyMs ?? 0;
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0)) {
    throw new RangeError(
      `createFakeHeyGen: latencyMs must be a number >= 0, got ${String(latencyMs)}`,
    );
  }
  const lifecycle = createLifecycle();
  const engine = createEngine({
    apiKey,
    bearerTokens: options.bearerTokens ?? [],
    seed,
    latencyMs,
    now: options.now ?? Date.now,
    looks: options.looks ?? {},
    seedCounts: options.groups ?? {},
    validateResponses: options.validateResponses ?? true,
    validator: sharedSpecValidator(),
    jobs: options.jobs ?? {},
    webhooks: options.webhooks ?? {},
    lifecycle,
  });
  const fakeFetch = createFakeFetch(engine, lifecycle);
  let server: FakeHttpServer | undefined;
  let starting: Promise<FakeHttpServer> | undefined;
  let handlers: FakeMswHandler[] | undefined;

  const fake: FakeHeyGen = {
    async listen(listenOptions = {}) {
      if (lifecycle.closed) throw new Error("fake.listen: this fake is closed; create a new one");
      const port = listenOptions.port ?? 0;
      if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) {
        throw new RangeError(
          `fake.listen: port must be an integer from 0 to 65535, got ${String(port)}`,
        );
      }
      starting ??= startHttpServer(engine, lifecycle, port);
      server = await starting;
      return server.url;
    },
    get url() {
      if (lifecycle.closed) throw new Error("fake.url: this fake is closed; create a new one");
      if (!server) throw new Error("fake.url: call `await fake.listen()` first");
      return server.url;
    },
    fetch: fakeFetch,
    get handlers() {
      handlers ??= createMswHandlers(engine, lifecycle, options.baseUrl ?? DEFAULT_BASE_URL);
      return handlers;
    },
    handler: (key, resolve) =>
      createOperationHandler({
        key,
        resolve,
        baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
        validator: sharedSpecValidator(),
        violations: engine.violations,
      }),
    state: publicState(engine.store),
    jobs: {
      get: (id) => engine.jobs.get(id),
      list: (kind) => engine.jobs.list(kind),
      complete: (id) => engine.jobs.complete(id),
      fail: (id, failure) => engine.jobs.fail(id, failure),
      setOutcome: (rule) => engine.jobs.setOutcome(rule),
    },
    get assets() {
      return engine.assets.list();
    },
    get webhookEndpoints() {
      return engine.webhooks
        .endpoints()
        .map((e) => ({ ...endpointView(e, true), secret: e.secret }));
    },
    get webhookDeliveries() {
      return engine.dispatcher.deliveries;
    },
    get callbackDeliveries() {
      return engine.dispatcher.callbacks;
    },
    waitForDeliveries: (count) => engine.dispatcher.whenDeliveries(count),
    waitForCallbacks: (count) => engine.dispatcher.whenCallbacks(count),
    get requests() {
      return engine.requests;
    },
    get unmatched() {
      return engine.requests.filter((r) => r.unmatched);
    },
    get violations() {
      return engine.violations;
    },
    inject: (fault) => engine.faults.add(fault),
    clearFaults: () => engine.faults.clear(),
    reset() {
      engine.faults.clear();
      engine.requests.length = 0;
      engine.violations.length = 0;
      engine.resetState();
    },
    assertNoUnmatched() {
      const unmatched = fake.unmatched;
      if (unmatched.length > 0) {
        throw new Error(
          `The fake HeyGen API received ${unmatched.length} request(s) matching no operation: ${unmatched
            .map((r) => `${r.method} ${r.path}`)
            .join(", ")}`,
        );
      }
    },
    async close() {
      lifecycle.close();
      const running = server ?? (starting ? await starting : undefined);
      server = undefined;
      starting = undefined;
      await running?.close();
    },
  };
  return fake;
}

/** The test-facing part of the store: the engine-only operations stay out of reach. */
function publicState(store: FakeState): FakeState {
  return {
    groups: (filter) => store.groups(filter),
    group: (id) => store.group(id),
    addGroup: (overrides) => store.addGroup(overrides),
    updateGroup: (id, patch) => store.updateGroup(id, patch),
    removeGroup: (id) => store.removeGroup(id),
    looks: (groupId) => store.looks(groupId),
    look: (id) => store.look(id),
    addLook: (groupId, overrides) => store.addLook(groupId, overrides),
    updateLook: (id, patch) => store.updateLook(id, patch),
    settleLook: (id, outcome, message) => store.settleLook(id, outcome, message),
    setLookOutcome: (rule) => store.setLookOutcome(rule),
    reset: () => store.reset(),
  };
}
