/** The operations the fake serves, by the operationId of the bundled specs. */
export type OperationId =
  | "photo-avatar-details"
  | "add-looks-to-photo-avatar-group"
  | "list-all-avatars-in-one-avatar-group"
  | "listAvatarGroups"
  | "getAvatarGroup";

/** Which API generation (and so which bundled spec and error shape) a route belongs to. */
export type Generation = "v2" | "v3";

/** One operation: where it lives and which spec describes it. */
export interface Route {
  operationId: OperationId;
  generation: Generation;
  method: "GET" | "POST";
  /** The spec's path template, e.g. `/v3/avatars/{group_id}`. */
  path: string;
}

/** Every operation of the bundled specs, in the order msw handlers are registered. */
export const ROUTES: readonly Route[] = [
  { operationId: "listAvatarGroups", generation: "v3", method: "GET", path: "/v3/avatars" },
  {
    operationId: "getAvatarGroup",
    generation: "v3",
    method: "GET",
    path: "/v3/avatars/{group_id}",
  },
  {
    operationId: "add-looks-to-photo-avatar-group",
    generation: "v2",
    method: "POST",
    path: "/v2/photo_avatar/avatar_group/add",
  },
  {
    operationId: "photo-avatar-details",
    generation: "v2",
    method: "GET",
    path: "/v2/photo_avatar/{id}",
  },
  {
    operationId: "list-all-avatars-in-one-avatar-group",
    generation: "v2",
    method: "GET",
    path: "/v2/avatar_group/{group_id}/avatars",
  },
];

/** The outcome of matching a request against {@link ROUTES}. */
export type RouteMatch =
  | { kind: "matched"; route: Route; params: Record<string, string> }
  | { kind: "wrong-method"; allowed: string[] }
  | { kind: "unmatched" };

/** Finds the operation for `method` and `pathname` (path parameters are percent-decoded). */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  const got = pathname.replace(/\/+$/, "").split("/");
  const upper = method.toUpperCase();
  for (let r = 0; r < ROUTES.length; r++) {
    const route = ROUTES[r]!;
    const params = matchSegments(TEMPLATES[r]!, got);
    if (!params) continue;
    if (route.method === upper) return { kind: "matched", route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: "wrong-method", allowed } : { kind: "unmatched" };
}

/** The generation a path belongs to, by prefix; v3's error shape for anything else. */
export function generationOf(pathname: string): Generation {
  return pathname.startsWith("/v2/") ? "v2" : "v3";
}

// Every request is matched against every route: split the templates once, not per request.
const TEMPLATES = ROUTES.map((route) => route.path.split("/"));

function matchSegments(want: string[], got: string[]): Record<string, string> | undefined {
  if (want.length !== got.length) return undefined;
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
