import { createRandom, type Random } from "./random.js";
import { type OperationId, ROUTES, type Route } from "./routes.js";

/** Which requests a fault applies to, and how often. */
export interface FaultScope {
  /** Only requests to this operation (operationId of the bundled specs). */
  operationId?: OperationId;
  /**
   * Only requests to this route: a spec path template or a concrete path, optionally with the
   * method first, e.g. `"GET /v3/avatars/{group_id}"` or `"/v3/avatars"`.
   */
  route?: string;
  /**
   * How many matching requests get the fault. Defaults to 1, or to every matching request when
   * `rate` is given.
   */
  times?: number;
  /**
   * The share (0 < rate <= 1) of matching requests that get the fault, decided by the fake's
   * seed, so a run is reproducible.
   */
  rate?: number;
  /**
   * Run the operation first (its effects happen: an add creates its looks), then answer with
   * the fault: a server that acted and then failed. Defaults to false (the fault answers
   * instead of the operation); `truncated-body` always runs the operation.
   */
  afterOperation?: boolean;
}

/** A fault answering with an HTTP error: 429 (with `Retry-After`) or any 5xx. */
export interface StatusFault extends FaultScope {
  kind?: "status";
  status: number;
  /** Seconds for the `Retry-After` header. Defaults to 1 for a 429; no header for a 5xx. */
  retryAfter?: number;
}

/** A fault that delays the (otherwise normal) response by `ms` milliseconds. */
export interface LatencyFault extends FaultScope {
  kind: "latency";
  ms: number;
}

/**
 * A fault that breaks the response or the connection:
 * - `malformed-body`: status 200 (or `status`) with `content-type: application/json` and a body
 *   that is not JSON;
 * - `truncated-body`: the real response, announced at full length, cut halfway through;
 * - `connection-reset`: the connection is dropped before any response;
 * - `hang`: no response at all until the client gives up (aborts) or the fake closes.
 */
export interface TransportFault extends FaultScope {
  kind: "malformed-body" | "truncated-body" | "connection-reset" | "hang";
  /** For `malformed-body` only: the status to send it with. Defaults to 200. */
  status?: number;
}

/**
 * A fault for {@link FakeHeyGen.inject}. The default applies once, to the next request to any
 * operation.
 *
 * @example
 * fake.inject({ status: 429, retryAfter: 1, times: 1 });
 * fake.inject({ status: 503, operationId: "listAvatarGroups", rate: 0.5 });
 * fake.inject({ kind: "hang", route: "GET /v2/photo_avatar/{id}" });
 */
export type FaultSpec = StatusFault | LatencyFault | TransportFault;

/** The kinds of fault, as {@link RecordedRequest.fault} names them. */
export type FaultKind = "status" | "latency" | TransportFault["kind"];

/** A live fault: how often it fired and how to stop it. */
export interface InjectedFault {
  /** The fault as injected. */
  readonly spec: Readonly<FaultSpec>;
  /** How many requests it has affected so far. */
  readonly hits: number;
  /** How many more requests it may affect (Infinity for a `rate` without `times`). */
  readonly remaining: number;
  /** Stops it affecting further requests. */
  cancel(): void;
}

/** What the faults decided for one request. */
export interface FaultDecision {
  /** The fault that replaces the normal response, if any. */
  replace?: StatusFault | TransportFault;
  /** Extra latency from latency faults. */
  delayMs: number;
}

/** The faults of one fake. */
export interface FaultTable {
  add(spec: FaultSpec): InjectedFault;
  decide(route: Route, pathname: string): FaultDecision;
  clear(): void;
  /** Faults still able to fire. */
  active(): InjectedFault[];
}

interface Rule {
  spec: FaultSpec;
  hits: number;
  remaining: number;
  random: Random;
  handle: InjectedFault;
}

/** Creates an empty fault table whose `rate` decisions derive from `seed`. */
export function createFaultTable(seed: number): FaultTable {
  let rules: Rule[] = [];
  let added = 0;
  return {
    add(spec) {
      checkFault(spec);
      const rule: Rule = {
        spec: { ...spec },
        hits: 0,
        remaining: spec.times ?? (spec.rate === undefined ? 1 : Number.POSITIVE_INFINITY),
        random: createRandom(seed, `fault:${added++}`),
        handle: undefined as unknown as InjectedFault,
      };
      rule.handle = {
        spec: rule.spec,
        get hits() {
          return rule.hits;
        },
        get remaining() {
          return rule.remaining;
        },
        cancel() {
          rule.remaining = 0;
          rules = rules.filter((r) => r !== rule);
        },
      };
      rules.push(rule);
      return rule.handle;
    },
    decide(route, pathname) {
      const decision: FaultDecision = { delayMs: 0 };
      for (const rule of rules) {
        if (rule.remaining <= 0 || !applies(rule.spec, route, pathname)) continue;
        const isLatency = rule.spec.kind === "latency";
        // A replacing fault cannot fire twice for one request; leave the rest for later ones.
        if (!isLatency && decision.replace) continue;
        if (rule.spec.rate !== undefined && rule.random.next() >= rule.spec.rate) continue;
        rule.hits += 1;
        rule.remaining -= 1;
        if (rule.spec.kind === "latency") decision.delayMs += rule.spec.ms;
        else decision.replace = rule.spec;
      }
      rules = rules.filter((r) => r.remaining > 0);
      return decision;
    },
    clear() {
      for (const rule of rules) rule.remaining = 0;
      rules = [];
    },
    active() {
      return rules.map((r) => r.handle);
    },
  };
}

function applies(spec: FaultSpec, route: Route, pathname: string): boolean {
  if (spec.operationId !== undefined && spec.operationId !== route.operationId) return false;
  if (spec.route !== undefined) {
    const { method, path } = parseRoute(spec.route);
    if (method !== undefined && method !== route.method) return false;
    if (path !== route.path && path !== pathname) return false;
  }
  return true;
}

function parseRoute(value: string): { method?: string; path: string } {
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(value);
  if (match) return { method: match[1]!.toUpperCase(), path: match[2]! };
  return { path: value.trim() };
}

function checkFault(spec: FaultSpec): void {
  const where = "fake.inject";
  if (typeof spec !== "object" || spec === null) {
    throw new TypeError(`${where}: expected a fault object such as { status: 429 }`);
  }
  const kinds = [
    "status",
    "latency",
    "malformed-body",
    "truncated-body",
    "connection-reset",
    "hang",
  ];
  if (spec.kind !== undefined && !kinds.includes(spec.kind)) {
    throw new TypeError(
      `${where}: unknown kind "${String(spec.kind)}"; use one of ${kinds.join(", ")}`,
    );
  }
  if (spec.kind === undefined || spec.kind === "status") {
    const { status, retryAfter } = spec as StatusFault;
    if (!Number.isInteger(status) || !(status === 429 || (status >= 500 && status <= 599))) {
      throw new RangeError(`${where}: status must be 429 or a 5xx, got ${String(status)}`);
    }
    if (retryAfter !== undefined && !(Number.isInteger(retryAfter) && retryAfter >= 0)) {
      throw new RangeError(
        `${where}: retryAfter is whole seconds (>= 0), as the Retry-After header carries; got ${String(retryAfter)}`,
      );
    }
  }
  if (spec.kind === "latency" && !(Number.isFinite(spec.ms) && spec.ms >= 0)) {
    throw new RangeError(`${where}: latency ms must be a number >= 0, got ${String(spec.ms)}`);
  }
  if (spec.kind === "malformed-body" && spec.status !== undefined) {
    if (!Number.isInteger(spec.status) || spec.status < 200 || spec.status > 599) {
      throw new RangeError(`${where}: status must be an HTTP status, got ${String(spec.status)}`);
    }
  }
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times >= 1)) {
    throw new RangeError(`${where}: times must be a whole number >= 1, got ${String(spec.times)}`);
  }
  if (spec.afterOperation !== undefined && typeof spec.afterOperation !== "boolean") {
    throw new TypeError(`${where}: afterOperation must be a boolean`);
  }
  if (spec.rate !== undefined && !(spec.rate > 0 && spec.rate <= 1)) {
    throw new RangeError(`${where}: rate is a share in (0, 1], got ${String(spec.rate)}`);
  }
  if (spec.operationId !== undefined && !ROUTES.some((r) => r.operationId === spec.operationId)) {
    throw new TypeError(
      `${where}: unknown operationId "${String(spec.operationId)}"; known: ${ROUTES.map((r) => r.operationId).join(", ")}`,
    );
  }
  if (spec.route !== undefined) {
    const { method, path } = parseRoute(spec.route);
    const known = ROUTES.some(
      (r) =>
        (method === undefined || r.method === method) &&
        (r.path === path || templateMatches(r.path, path)),
    );
    if (!known) {
      throw new TypeError(
        `${where}: route "${spec.route}" matches no operation; known: ${ROUTES.map((r) => `${r.method} ${r.path}`).join(", ")}`,
      );
    }
  }
}

function templateMatches(template: string, path: string): boolean {
  const pattern = template.replace(/\{[^}]+\}/g, "[^/]+");
  return new RegExp(`^${pattern}$`).test(path);
}
