import {
  getAvatarGroup,
  listAllAvatarsInOneAvatarGroup,
  listAvatarGroups,
} from "@heygen-openapi/types";
import type { ListAvatarGroupsParams } from "../api-types.js";
import type { Core } from "../core.js";
import type { RequestOptions } from "../options.js";
import { check } from "../path.js";

/** Checks list parameters before any request, so a typo fails fast instead of as a 400. */
function checkList(params: ListAvatarGroupsParams | undefined): ListAvatarGroupsParams {
  const op = listAvatarGroups.key;
  const p = params === undefined ? {} : params;
  check(op, typeof p === "object" && p, "params must be an object");
  check(
    op,
    [undefined, "public", "private"].includes(p.ownership),
    'ownership must be "public" or "private"',
  );
  const { limit, token } = p;
  check(
    op,
    limit === undefined || (Number.isInteger(limit) && limit >= 1 && limit <= 50),
    "limit must be a whole number from 1 to 50",
  );
  check(op, token === undefined || typeof token === "string", "token must be a string");
  return p;
}

/**
 * Avatar groups (v3 characters such as "Anna") and the looks inside a group, as before the whole
 * API was typed; `heygen.avatars` covers the same groups and the rest of `/v3/avatars`.
 *
 * @example
 * for await (const group of heygen.avatarGroups.list({ ownership: "private" })) console.log(group.name);
 */
export function avatarGroups(core: Core) {
  return {
    /**
     * `GET /v3/avatars`: awaitable as the first page, async-iterable over every group of every page.
     * `limit` is 1-50 (default 20); `token` resumes from a page's `next_token`.
     */
    list: (params?: ListAvatarGroupsParams, options?: RequestOptions) =>
      core.list(listAvatarGroups, () => ({ query: checkList(params) }), options),
    /** `GET /v3/avatars/{group_id}`: one avatar group. */
    get: (groupId: string, options?: RequestOptions) =>
      core.call(getAvatarGroup, { path: { group_id: groupId } }, options),
    /** `GET /v2/avatar_group/{group_id}/avatars`: every look of a group, as `{ avatar_list }`. */
    listLooks: (groupId: string, options?: RequestOptions) =>
      core.call(listAllAvatarsInOneAvatarGroup, { path: { group_id: groupId } }, options),
  };
}

/** The `avatarGroups` resource. */
export type AvatarGroups = ReturnType<typeof avatarGroups>;
