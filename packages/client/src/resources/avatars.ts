import {
  createAvatar,
  createAvatarConsent,
  getAvatarGroup,
  getAvatarLook,
  listAvatarGroups,
  listAvatarLooks,
  updateAvatarLook,
} from "@heygen-openapi/types";
import type { Core } from "../core.js";
import { type WaitUntilDoneOptions, waitUntilDone } from "../jobs.js";
import type { Body, Data, Query } from "../operation-types.js";
import type { RequestOptions } from "../options.js";

/** An avatar group as `GET /v3/avatars/{group_id}` answers it. */
export type AvatarGroupDetail = Data<"GET /v3/avatars/{group_id}">;
/** An avatar look as `GET /v3/avatars/looks/{look_id}` answers it. */
export type AvatarLookDetail = Data<"GET /v3/avatars/looks/{look_id}">;

/** Looks: the outfits and styles of the avatars in a group. */
function looks(core: Core) {
  const get = (lookId: string, options?: RequestOptions) =>
    core.call(getAvatarLook, { path: { look_id: lookId } }, options);
  return {
    /** `GET /v3/avatars/looks`: awaitable first page, `for await` over every look. */
    list: (params?: Query<"GET /v3/avatars/looks">, options?: RequestOptions) =>
      core.list(listAvatarLooks, { query: params }, options),
    /** `GET /v3/avatars/looks/{look_id}`. */
    get,
    /** `PATCH /v3/avatars/looks/{look_id}`: renames a look. */
    update: (
      lookId: string,
      body: Body<"PATCH /v3/avatars/looks/{look_id}">,
      options?: RequestOptions,
    ) => core.call(updateAvatarLook, { path: { look_id: lookId }, body }, options),
    /** Polls `get` until a private look is trained (done) or failed. */
    waitUntilDone: (lookId: string, options?: WaitUntilDoneOptions<AvatarLookDetail>) =>
      waitUntilDone(
        getAvatarLook.key,
        (signal) => get(lookId, { signal }),
        getAvatarLook.job,
        options,
        core.redact,
      ),
  };
}

/**
 * Avatars (v3): avatar groups (characters), their looks, new avatars and consent.
 *
 * @example
 * for await (const group of heygen.avatars.list({ ownership: "private" })) console.log(group.name);
 * const look = await heygen.avatars.looks.get(lookId);
 */
export function avatars(core: Core) {
  const get = (groupId: string, options?: RequestOptions) =>
    core.call(getAvatarGroup, { path: { group_id: groupId } }, options);
  return {
    /** `POST /v3/avatars`: creates a private avatar from a photo, a prompt or a video. */
    create: (body: Body<"POST /v3/avatars">, options?: RequestOptions) =>
      core.call(createAvatar, { body }, options),
    /** `GET /v3/avatars`: awaitable first page, `for await` over every avatar group. */
    list: (params?: Query<"GET /v3/avatars">, options?: RequestOptions) =>
      core.list(listAvatarGroups, { query: params }, options),
    /** `GET /v3/avatars/{group_id}`: one avatar group. */
    get,
    /** `POST /v3/avatars/{group_id}/consent`: starts the consent flow of a video avatar. */
    consent: (
      groupId: string,
      body: Body<"POST /v3/avatars/{group_id}/consent">,
      options?: RequestOptions,
    ) => core.call(createAvatarConsent, { path: { group_id: groupId }, body }, options),
    /** Polls `get` until a private avatar group is trained (done) or failed. */
    waitUntilDone: (groupId: string, options?: WaitUntilDoneOptions<AvatarGroupDetail>) =>
      waitUntilDone(
        getAvatarGroup.key,
        (signal) => get(groupId, { signal }),
        getAvatarGroup.job,
        options,
        core.redact,
      ),
    looks: looks(core),
  };
}

/** The `avatars` resource. */
export type Avatars = ReturnType<typeof avatars>;
