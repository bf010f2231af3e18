import { addLooksToPhotoAvatarGroup, photoAvatarDetails } from "@heygen-openapi/types";
import { apiPromise } from "../api-promise.js";
import type { AddLooksParams, AddLooksResult, PhotoAvatarLook } from "../api-types.js";
import type { Core } from "../core.js";
import { invalid } from "../errors.js";
import type { RequestOptions } from "../options.js";
import { check, isText } from "../path.js";
import { type WaitOptions, waitUntilReady } from "../wait.js";

const ADD = addLooksToPhotoAvatarGroup.key;
const BATCH = 4;

/** Checks addLooks parameters before any request is sent. */
function checkAdd(p: AddLooksParams): AddLooksParams {
  check(ADD, typeof p === "object" && p, "params must be an object");
  const keys: unknown = p.image_keys;
  check(
    ADD,
    Array.isArray(keys) && keys.length && keys.every(isText),
    "image_keys must be a non-empty array of non-empty strings",
  );
  for (const k of ["group_id", "name", "generation_id"] as const) {
    check(
      ADD,
      isText(p[k]) || (k === "generation_id" && p[k] === undefined),
      `${k} must be a non-empty string`,
    );
  }
  return p;
}

/**
 * Photo-avatar looks (v2): details, adding looks to a group, waiting for a look to be ready.
 *
 * @example
 * const { photo_avatar_list } = await heygen.photoAvatars.addLooks({ group_id, image_keys, name: "Summer" });
 * await Promise.all(photo_avatar_list.map((l) => heygen.photoAvatars.waitUntilReady(l.id)));
 */
export function photoAvatars(core: Core) {
  const get = (id: string, options?: RequestOptions) =>
    core.call(photoAvatarDetails, { path: { id } }, options);
  return {
    /** `GET /v2/photo_avatar/{id}`: one look. */
    get,
    /**
     * `POST /v2/photo_avatar/avatar_group/add` for any number of image keys: the API takes at most
     * 4 per call, so keys are sent in batches of 4, one after the other, and every created look is
     * returned in order. `.withResponse()` reports the last batch's response. A batch that fails
     * stops the rest; it is not retried on 5xx or timeout (the server may have acted) unless an
     * `idempotencyKey` is given, which is sent as `<key>:<batch number>`.
     */
    addLooks: (params: AddLooksParams, options?: RequestOptions) =>
      apiPromise<AddLooksResult>(
        (async () => {
          const p = checkAdd(params);
          const looks: PhotoAvatarLook[] = [];
          let response: Response | undefined;
          for (let i = 0; i < p.image_keys.length; i += BATCH) {
            const body = { ...p, image_keys: p.image_keys.slice(i, i + BATCH) };
            const key = options?.idempotencyKey;
            const o =
              key === undefined || i === 0
                ? options
                : { ...options, idempotencyKey: `${key}:${i / BATCH}` };
            const r = await core.call(addLooksToPhotoAvatarGroup, { body }, o).withResponse();
            const list = r.data.photo_avatar_list;
            if (!Array.isArray(list)) {
              throw invalid(ADD, r.response, r.data, "without data.photo_avatar_list", core.redact);
            }
            looks.push(...list);
            response = r.response;
          }
          return { data: { photo_avatar_list: looks }, response: response as Response };
        })(),
      ),
    /** Polls `get(id)` until the look is `completed`; see {@link WaitOptions}. */
    waitUntilReady: (id: string, options?: WaitOptions) =>
      waitUntilReady((signal) => get(id, { signal }), options, core.redact),
  };
}

/** The `photoAvatars` resource. */
export type PhotoAvatars = ReturnType<typeof photoAvatars>;
