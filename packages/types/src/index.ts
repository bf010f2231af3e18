/**
 * Readable names for the entities and envelopes of HeyGen's avatar API. Every type here is an
 * alias of a generated one (`@heygen-openapi/types/v2`, `@heygen-openapi/types/v3`), never a
 * copy, so it changes when the specs change.
 * @module
 */
import type { components as V2Components, operations as V2Operations } from "./generated/v2.js";
import type { components as V3Components, operations as V3Operations } from "./generated/v3.js";

export type * as V2 from "./generated/v2.js";
export type * as V3 from "./generated/v3.js";

type V2Schemas = V2Components["schemas"];
type V3Schemas = V3Components["schemas"];

/**
 * A photo-avatar look as every v2 avatar operation returns it. `created_at` is a number that may
 * carry a fraction; nullable fields are `| null`.
 * @example
 * ```ts
 * const look: PhotoAvatarLook = (await heygen.photoAvatars.get("look_id"));
 * if (look.status === "completed") console.log(look.image_url);
 * ```
 */
export type PhotoAvatarLook = V2Schemas["PhotoAvatarLook"];

/** A look's upscaling availability (`PhotoAvatarLook["upscale_availability"]`). */
export type UpscaleAvailability = V2Schemas["UpscaleAvailability"];

/** The background sound effect object a look may carry. */
export type BackgroundSoundEffect = V2Schemas["BackgroundSoundEffect"];

/** The `error` field of a v2 envelope: a string or object when the call failed, null on success. */
export type V2Error = V2Schemas["V2Error"];

/** An error reported as an object inside the v2 envelope (`code`, `message` and more). */
export type V2ErrorObject = V2Schemas["V2ErrorObject"];

/** The envelope every v2 response is wrapped in: `{ error }` plus the operation's `data`. */
export type V2Envelope = V2Schemas["V2Envelope"];

/** A failed v2 response: the envelope with `error` set and `data: null`. */
export type V2ErrorResponse = V2Schemas["V2ErrorResponse"];

/** The JSON body of `GET /v2/photo_avatar/{id}` on success. */
export type PhotoAvatarLookResponse =
  V2Operations["photo-avatar-details"]["responses"][200]["content"]["application/json"];

/** The JSON request body of `POST /v2/photo_avatar/avatar_group/add`. */
export type AddLooksRequest = NonNullable<
  V2Operations["add-looks-to-photo-avatar-group"]["requestBody"]
>["content"]["application/json"];

/** The JSON body of `POST /v2/photo_avatar/avatar_group/add` on success. */
export type AddLooksResponse =
  V2Operations["add-looks-to-photo-avatar-group"]["responses"][200]["content"]["application/json"];

/** The JSON body of `GET /v2/avatar_group/{group_id}/avatars` on success. */
export type ListLooksResponse =
  V2Operations["list-all-avatars-in-one-avatar-group"]["responses"][200]["content"]["application/json"];

/** A v3 avatar group (a character such as "Anna"), the `AvatarGroupItem` of the v3 spec. */
export type AvatarGroup = V3Schemas["AvatarGroupItem"];

/** Training/creation status of a v3 avatar group. */
export type AvatarStatus = V3Schemas["AvatarStatus"];

/** Error details of a failed v3 avatar group (`AvatarGroup["error"]`). */
export type AvatarError = V3Schemas["AvatarError"];

/** The v3 error object: `{ code, message, param, doc_url }`, sent as `{ error: StandardAPIError }`. */
export type StandardAPIError = V3Schemas["StandardAPIError"];

/** The query of `GET /v3/avatars`: `ownership`, `limit` (1–50) and the cursor `token`. */
export type ListAvatarGroupsQuery = NonNullable<
  V3Operations["listAvatarGroups"]["parameters"]["query"]
>;

/** The JSON body of `GET /v3/avatars` on success: one page of groups and its cursor. */
export type ListAvatarGroupsResponse =
  V3Operations["listAvatarGroups"]["responses"][200]["content"]["application/json"];

/** The JSON body of `GET /v3/avatars/{group_id}` on success. */
export type GetAvatarGroupResponse =
  V3Operations["getAvatarGroup"]["responses"][200]["content"]["application/json"];

/** The JSON body of every v3 error response (`{ error: StandardAPIError }`). */
export type V3ErrorResponse =
  V3Operations["getAvatarGroup"]["responses"][404]["content"]["application/json"];
