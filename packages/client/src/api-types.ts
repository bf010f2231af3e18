// Result and parameter types of the resources, as aliases of the generated ones (never copies).
import type {
  AddLooksRequest,
  AddLooksResponse,
  GetAvatarGroupResponse,
  ListAvatarGroupsQuery,
  ListAvatarGroupsResponse,
  ListLooksResponse,
  PhotoAvatarLookResponse,
} from "@heygen-openapi/types";

export type {
  AddLooksRequest,
  AvatarGroup,
  AvatarStatus,
  ListAvatarGroupsQuery,
  PhotoAvatarLook,
  StandardAPIError,
  V2Error,
} from "@heygen-openapi/types";

/** The `data` of `GET /v3/avatars/{group_id}`: one avatar group. */
export type AvatarGroupResult = GetAvatarGroupResponse["data"];
/** One item of `GET /v3/avatars`. */
export type AvatarGroupListItem = ListAvatarGroupsResponse["data"][number];
/** The `data` of `GET /v2/avatar_group/{group_id}/avatars`: `{ avatar_list }`. */
export type ListLooksResult = ListLooksResponse["data"];
/** The `data` of `GET /v2/photo_avatar/{id}`: one look. */
export type PhotoAvatarLookResult = PhotoAvatarLookResponse["data"];
/** The `data` of `POST /v2/photo_avatar/avatar_group/add`, merged over every batch: `{ photo_avatar_list }`. */
export type AddLooksResult = AddLooksResponse["data"];
/** Parameters of `avatarGroups.list`. */
export type ListAvatarGroupsParams = ListAvatarGroupsQuery;
/** Parameters of `photoAvatars.addLooks`; `image_keys` may hold any number of keys. */
export type AddLooksParams = AddLooksRequest;
