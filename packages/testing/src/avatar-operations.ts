import type { OperationKey } from "@heygen-openapi/types";
import type { AvatarGroup } from "./api-types.js";
import { invalidParameter, notFound } from "./error-bodies.js";
import type { Ownership } from "./fixtures.js";
import type { Operation } from "./operation-context.js";
import { decodeCursor } from "./pagination.js";
import type { StoredGroup } from "./state.js";

const DEFAULT_LIMIT = 20;

/** The avatar-group and photo-avatar-look operations, over the groups store. */
export const AVATAR_OPERATIONS = {
  "GET /v3/avatars": ({ groups }, { query }) => {
    const ownership = typeof query.ownership === "string" ? query.ownership : null;
    const limit = typeof query.limit === "string" ? Number(query.limit) : DEFAULT_LIMIT;
    let cursor: ReturnType<typeof decodeCursor>;
    if (typeof query.token === "string") {
      cursor = decodeCursor(query.token);
      if (!cursor) {
        return {
          error: invalidParameter(
            "token",
            "token is not a valid page token; pass next_token unchanged.",
          ),
        };
      }
      if (cursor.ownership !== ownership) {
        return {
          error: invalidParameter(
            "token",
            "token belongs to a listing with a different ownership filter; keep ownership the same across pages.",
          ),
        };
      }
    }
    const page = groups.groupPage(ownership as Ownership | null, cursor, limit);
    return {
      status: 200,
      body: { data: page.items.map(toItem), has_more: page.hasMore, next_token: page.nextToken },
    };
  },
  "GET /v3/avatars/{group_id}": ({ groups }, { params }) => {
    const group = groups.group(params.group_id!);
    if (!group) return { error: notFound("avatar_group_not_found", "Avatar group not found.") };
    return { status: 200, body: { data: toItem(group) } };
  },
  "POST /v2/photo_avatar/avatar_group/add": ({ groups }, { body }) => {
    const { group_id, image_keys, name } = body as {
      group_id: string;
      image_keys: string[];
      name: string;
    };
    // Beyond the schema: HeyGen needs something to name the looks and real keys to read.
    if (name.trim() === "") return { error: invalidParameter("name", "name must not be empty.") };
    const blank = image_keys.findIndex((k) => k.trim() === "");
    if (blank >= 0)
      return {
        error: invalidParameter(`image_keys.${blank}`, "image_keys must not contain empty keys."),
      };
    if (!groups.group(group_id)) {
      return {
        error: {
          ...notFound("avatar_group_not_found", "Avatar group not found."),
          param: "group_id",
        },
      };
    }
    const looks = groups.createLooks(group_id, image_keys, name);
    return { status: 200, body: { error: null, data: { photo_avatar_list: looks } } };
  },
  "GET /v2/photo_avatar/{id}": ({ groups }, { params }) => {
    const look = groups.readLook(params.id!);
    if (!look) return { error: notFound("photo_avatar_not_found", "Photo avatar not found.") };
    return { status: 200, body: { error: null, data: look } };
  },
  "GET /v2/avatar_group/{group_id}/avatars": ({ groups }, { params }) => {
    const groupId = params.group_id!;
    if (!groups.group(groupId))
      return { error: notFound("avatar_group_not_found", "Avatar group not found.") };
    return { status: 200, body: { error: null, data: { avatar_list: groups.readLooks(groupId) } } };
  },
} satisfies Partial<Record<OperationKey, Operation>>;

function toItem(group: StoredGroup): AvatarGroup {
  const { ownership: _internal, ...item } = group;
  return item;
}
