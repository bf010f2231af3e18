import { type OperationDescriptor, type OperationKey, operations } from "@heygen-openapi/types";

/** The operationId of an operation of the bundled specs (from the registry). */
export type OperationId = (typeof operations)[OperationKey]["operationId"];

/** Which bundled spec (and so which validator and error shapes) a route belongs to. */
export type Generation = OperationDescriptor["spec"];

/** One operation of the registry, as the fake routes it. */
export interface Route {
  key: OperationKey;
  operationId: OperationId;
  /** The bundled document that defines it. */
  generation: Generation;
  method: OperationDescriptor["method"];
  /** The spec's path template, e.g. `/v3/videos/{video_id}`. */
  path: string;
  /** The registry's descriptor (statuses, pagination, job states, request body type). */
  descriptor: OperationDescriptor;
}

/** Every operation of both bundled specs, in registry order. */
export const ROUTES: readonly Route[] = (Object.keys(operations) as OperationKey[]).map((key) => {
  const descriptor: OperationDescriptor = operations[key];
  return {
    key,
    operationId: operations[key].operationId,
    generation: descriptor.spec,
    method: descriptor.method,
    path: descriptor.path,
    descriptor,
  };
});

/** The route of each registry key. */
export const ROUTE_BY_KEY: ReadonlyMap<OperationKey, Route> = new Map(
  ROUTES.map((r) => [r.key, r]),
);

/** The outcome of matching a request against {@link ROUTES}. */
export type RouteMatch =
  | { kind: "matched"; route: Route; params: Record<string, string> }
  | { kind: "wrong-method"; allowed: string[]; routes: Route[] }
  | { kind: "unmatched" };

// Templates split once, most specific first: a literal segment beats a parameter at the first
// place two templates differ (`/v3/avatars/looks` before `/v3/avatars/{group_id}`), and grouped
// by segment count and first two segments, so a request is matched against a handful, not all.
const TEMPLATES = ROUTES.map((route) => ({ route, segments: route.path.split("/") })).sort((a, b) =>
  specificity(a.segments, b.segments),
);
type Template = (typeof TEMPLATES)[number];
const bucketKey = (segments: readonly string[]) =>
  `${segments.length}/${segments[1]}/${segments[2]}`;
const isParam = (segment: string | undefined) => segment?.startsWith("{") === true;
const BUCKETS = new Map<string, Template[]>();
// Templates with a parameter among their first two segments (none today) are tried for every request.
const ANYWHERE: Template[] = [];
for (const template of TEMPLATES) {
  if (isParam(template.segments[1]) || isParam(template.segments[2])) {
    ANYWHERE.push(template);
    continue;
  }
  const key = bucketKey(template.segments);
  const bucket = BUCKETS.get(key) ?? [];
  bucket.push(template);
  BUCKETS.set(key, bucket);
}

/** Finds the operation for `method` and `pathname` (path parameters are percent-decoded). */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const got = pathname.replace(/\/+$/, "").split("/");
  const upper = method.toUpperCase();
  let allowed: Route[] | undefined;
  let shape: string | undefined;
  const candidates = BUCKETS.get(bucketKey(got)) ?? [];
  const all =
    ANYWHERE.length === 0
      ? candidates
      : [...candidates, ...ANYWHERE].sort((a, b) => specificity(a.segments, b.segments));
  for (const { route, segments } of all) {
    if (segments.length !== got.length) continue;
    const params = matchSegments(segments, got);
    if (!params) continue;
    // Only templates of the same shape as the best match count as "the same path".
    const thisShape = segments.map((s) => (s.startsWith("{") ? "{}" : s)).join("/");
    if (shape !== undefined && thisShape !== shape) continue;
    shape = thisShape;
    if (route.method === upper) return { kind: "matched", route, params };
    allowed ??= [];
    allowed.push(route);
  }
  return allowed
    ? { kind: "wrong-method", allowed: allowed.map((r) => r.method), routes: allowed }
    : { kind: "unmatched" };
}

/** The generation a path names by its prefix, for requests that match no route: v2 or v3's error shape. */
export function generationOf(pathname: string): Generation {
  return pathname.startsWith("/v2/") ? "v2" : "v3";
}

function specificity(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const pa = a[i]!.startsWith("{");
    const pb = b[i]!.startsWith("{");
    if (pa !== pb) return pa ? 1 : -1;
  }
  return 0;
}

function matchSegments(want: string[], got: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith("{") && w.endsWith("}")) {
      if (g === "") return undefined;
      try {
        params[w.slice(1, -1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}
