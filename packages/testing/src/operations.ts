import type { AvatarGroup } from "./api-types.js";
import { errorBody } from "./error-bodies.js";
import type { Ownership } from "./fixtures.js";
import { decodeCursor } from "./pagination.js";
import type { OperationId } from "./routes.js";
import type { Store, StoredGroup } from "./state.js";

/** What an operation answers: a status and a JSON body. */
export interface OperationResult {
  status: number;
  body: unknown;
}

/** The validated parts of a request an operation reads. */
export interface OperationInput {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
}

type Operation = (store: Store, input: OperationInput) => OperationResult;

const DEFAULT_LIMIT = 20;

/** The behaviour of each operation, over the store. Inputs are already checked against the spec. */
export const OPERATIONS: Record<OperationId, Operation> = {
  listAvatarGroups(store, { query }) {
    const ownership = typeof query.ownership === "string" ? query.ownership : null;
    const limit = typeof query.limit === "string" ? Number(query.limit) : DEFAULT_LIMIT;
    let cursor: ReturnType<typeof decodeCursor>;
    if (typeof query.token === "string") {
      cursor = decodeCursor(query.token);
      if (!cursor) {
        return invalid("token", "token is not a valid page token; pass next_token unchanged.");
      }
      if (cursor.ownership !== ownership) {
        return invalid(
          "token",
          "token belongs to a listing with a different ownership filter; keep ownership the same across pages.",
        );
      }
    }
    const page = store.groupPage(ownership as Ownership | null, cursor, limit);
    return {
      status: 200,
      body: { data: page.items.map(toItem), has_more: page.hasMore, next_token: page.nextToken },
    };
  },
  getAvatarGroup(store, { params }) {
    const group = store.group(params.group_id!);
    if (!group)
      return {
        status: 404,
        body: errorBody("v3", "avatar_group_not_found", "Avatar group not found."),
      };
    return { status: 200, body: { data: toItem(group) } };
  },
  "add-looks-to-photo-avatar-group"(store, { body }) {
    const { group_id, image_keys, name } = body as {
      group_id: string;
      image_keys: string[];
      name: string;
    };
    // Beyond the schema: HeyGen needs something to name the looks and real keys to read.
    if (name.trim() === "") return invalidV2("name", "name must not be empty.");
    const blank = image_keys.findIndex((k) => k.trim() === "");
    if (blank >= 0)
      return invalidV2(`image_keys.${blank}`, "image_keys must not contain empty keys.");
    if (!store.group(group_id)) {
      return {
        status: 404,
        body: errorBody("v2", "avatar_group_not_found", "Avatar group not found.", "group_id"),
      };
    }
    const looks = store.createLooks(group_id, image_keys, name);
    return { status: 200, body: { error: null, data: { photo_avatar_list: looks } } };
  },
  "photo-avatar-details"(store, { params }) {
    const look = store.readLook(params.id!);
    if (!look) {
      return {
        status: 404,
        body: errorBody("v2", "photo_avatar_not_found", "Photo avatar not found."),
      };
    }
    return { status: 200, body: { error: null, data: look } };
  },
  "list-all-avatars-in-one-avatar-group"(store, { params }) {
    const groupId = params.group_id!;
    if (!store.group(groupId)) {
      return {
        status: 404,
        body: errorBody("v2", "avatar_group_not_found", "Avatar group not found."),
      };
    }
    return { status: 200, body: { error: null, data: { avatar_list: store.readLooks(groupId) } } };
  },
};

function toItem(group: StoredGroup): AvatarGroup {
  const { ownership: _internal, ...item } = group;
  return item;
}

function invalid(param: string, message: string): OperationResult {
  return { status: 400, body: errorBody("v3", "invalid_parameter", message, param) };
}

function invalidV2(param: string, message: string): OperationResult {
  return { status: 400, body: errorBody("v2", "invalid_parameter", message, param) };
}
