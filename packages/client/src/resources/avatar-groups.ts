import type { APIPromise } from "../api-promise.js";
import type {
  AvatarGroupListItem,
  AvatarGroupResult,
  ListAvatarGroupsParams,
  ListLooksResult,
} from "../api-types.js";
import type { RequestOptions } from "../options.js";
import { type PageBody, type PagePromise, paginate } from "../pagination.js";
import type { Redactor } from "../redact.js";
import { type Caller, check } from "../request.js";

/**
 * Avatar groups (v3 characters such as "Anna") and the looks inside a group.
 *
 * @example
 * for await (const group of heygen.avatarGroups.list({ ownership: "private" })) console.log(group.name);
 */
export interface AvatarGroups {
  /**
   * `GET /v3/avatars`: awaitable as the first page, async-iterable over every group of every page.
   * `limit` is 1-50 (default 20); `token` resumes from a page's `next_token`.
   */
  list(params?: ListAvatarGroupsParams, options?: RequestOptions): PagePromise<AvatarGroupListItem>;
  /** `GET /v3/avatars/{group_id}`: one avatar group. */
  get(groupId: string, options?: RequestOptions): APIPromise<AvatarGroupResult>;
  /** `GET /v2/avatar_group/{group_id}/avatars`: every look of a group, as `{ avatar_list }`. */
  listLooks(groupId: string, options?: RequestOptions): APIPromise<ListLooksResult>;
}

const LIST = "GET /v3/avatars";

/** Checks list parameters before any request, so a typo fails fast instead of as a 400. */
function checkList(params: ListAvatarGroupsParams | undefined): ListAvatarGroupsParams {
  const p = params === undefined ? {} : params;
  check(LIST, typeof p === "object" && p, "params must be an object");
  check(
    LIST,
    [undefined, "public", "private"].includes(p.ownership),
    'ownership must be "public" or "private"',
  );
  const { limit, token } = p;
  check(
    LIST,
    limit === undefined || (Number.isInteger(limit) && limit >= 1 && limit <= 50),
    "limit must be a whole number from 1 to 50",
  );
  check(LIST, token === undefined || typeof token === "string", "token must be a string");
  return p;
}

/** Builds the `avatarGroups` resource over the client's call function. */
export function avatarGroups(call: Caller, redact: Redactor): AvatarGroups {
  return {
    list: (params, options) =>
      paginate<AvatarGroupListItem>(
        LIST,
        (token) =>
          call<PageBody<AvatarGroupListItem>>(
            "GET",
            "/v3/avatars",
            () => ({ query: { ...checkList(params), token }, whole: true }),
            options,
          ).withResponse(),
        params?.token,
        redact,
      ),
    get: (groupId, options) =>
      call("GET", "/v3/avatars/{group_id}", () => ({ path: { group_id: groupId } }), options),
    listLooks: (groupId, options) =>
      call(
        "GET",
        "/v2/avatar_group/{group_id}/avatars",
        () => ({ path: { group_id: groupId } }),
        options,
      ),
  };
}
