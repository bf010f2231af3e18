/**
 * HeyGen's API as data and types, all derived from the bundled specs by `pnpm generate`:
 * - the operation registry (`operations`, one descriptor export per operation, `OperationKey`,
 *   `OperationTypes`), which code reads at run time;
 * - every component schema under its own name and the entity aliases (`Video`, `Voice`, ...);
 * - helpers that read an operation's request and response types by its `"METHOD /path"` key.
 *
 * Nothing here restates a type: every alias points into the generated `paths`/`components`
 * (`@heygen-openapi/types/v2`, `@heygen-openapi/types/v3`).
 * @module
 */
import type { OperationKey, OperationTypes } from "./generated/registry.js";

export * from "./generated/registry.js";
export type * from "./generated/schemas.js";
export type * as V2 from "./generated/v2.js";
export type * as V3 from "./generated/v3.js";
export type { CursorPagination, JobStates, OperationDescriptor } from "./operation.js";

type JsonContent<T> = T extends { content: { "application/json": infer B } }
  ? B
  : T extends { content: { "multipart/form-data": infer M } }
    ? M
    : never;

/**
 * The request body of an operation (JSON or multipart), `never` when it takes none.
 * @example
 * ```ts
 * const body: RequestBody<"POST /v3/videos"> = { type: "avatar", avatar_id: "lk_1", script: "Hi" };
 * ```
 */
export type RequestBody<K extends OperationKey> = OperationTypes[K] extends {
  requestBody?: infer R;
}
  ? JsonContent<NonNullable<R>>
  : never;

/**
 * The JSON body an operation answers with `Status` (200 by default).
 * @example
 * ```ts
 * type Page = ResponseBody<"GET /v3/videos">; // { data: VideoDetail[]; has_more: boolean; ... }
 * ```
 */
export type ResponseBody<
  K extends OperationKey,
  Status extends keyof OperationTypes[K]["responses"] = 200 & keyof OperationTypes[K]["responses"],
> = JsonContent<OperationTypes[K]["responses"][Status]>;

/** The `data` of an operation's 200 body: what the client's resource methods resolve to. */
export type ResponseData<K extends OperationKey> =
  ResponseBody<K> extends { data: infer D } ? D : never;

/** The query parameters of an operation (`{}` when it takes none). */
export type QueryParams<K extends OperationKey> = NonNullable<
  OperationTypes[K]["parameters"]["query"]
>;

/** The path parameters of an operation (`{}` when it takes none). */
export type PathParams<K extends OperationKey> = NonNullable<
  OperationTypes[K]["parameters"]["path"]
>;

/** The JSON body of `GET /v2/photo_avatar/{id}` on success. */
export type PhotoAvatarLookResponse = ResponseBody<"GET /v2/photo_avatar/{id}">;

/** The JSON request body of `POST /v2/photo_avatar/avatar_group/add`. */
export type AddLooksRequest = RequestBody<"POST /v2/photo_avatar/avatar_group/add">;

/** The JSON body of `POST /v2/photo_avatar/avatar_group/add` on success. */
export type AddLooksResponse = ResponseBody<"POST /v2/photo_avatar/avatar_group/add">;

/** The JSON body of `GET /v2/avatar_group/{group_id}/avatars` on success. */
export type ListLooksResponse = ResponseBody<"GET /v2/avatar_group/{group_id}/avatars">;

/** The query of `GET /v3/avatars`: `ownership`, `limit` (1–50) and the cursor `token`. */
export type ListAvatarGroupsQuery = QueryParams<"GET /v3/avatars">;

/** The JSON body of `GET /v3/avatars` on success: one page of groups and its cursor. */
export type ListAvatarGroupsResponse = ResponseBody<"GET /v3/avatars">;

/** The JSON body of `GET /v3/avatars/{group_id}` on success. */
export type GetAvatarGroupResponse = ResponseBody<"GET /v3/avatars/{group_id}">;

/** The JSON body of every v3 error response (`{ error: StandardAPIError }`). */
export type V3ErrorResponse = ResponseBody<"GET /v3/avatars/{group_id}", 404>;
