import {
  createLipsyncV3,
  deleteLipsyncV3,
  getLipsyncV3,
  listLipsyncsV3,
  updateLipsyncV3,
} from "@heygen-openapi/types";
import type { Core } from "../core.js";
import { type WaitUntilDoneOptions, waitUntilDone } from "../jobs.js";
import type { Body, Data, Query } from "../operation-types.js";
import type { RequestOptions } from "../options.js";

/** A lipsync as `GET /v3/lipsyncs/{lipsync_id}` answers it. */
export type LipsyncResult = Data<"GET /v3/lipsyncs/{lipsync_id}">;

/**
 * Lipsyncs (v3): dub a video onto new audio.
 *
 * @example
 * const { lipsync_id } = await heygen.lipsyncs.create(body);
 * const done = await heygen.lipsyncs.waitUntilDone(lipsync_id);
 */
export function lipsyncs(core: Core) {
  const get = (lipsyncId: string, options?: RequestOptions) =>
    core.call(getLipsyncV3, { path: { lipsync_id: lipsyncId } }, options);
  return {
    /** `POST /v3/lipsyncs`. */
    create: (body: Body<"POST /v3/lipsyncs">, options?: RequestOptions) =>
      core.call(createLipsyncV3, { body }, options),
    /** `GET /v3/lipsyncs/{lipsync_id}`. */
    get,
    /** `GET /v3/lipsyncs`: awaitable first page, `for await` over every lipsync. */
    list: (params?: Query<"GET /v3/lipsyncs">, options?: RequestOptions) =>
      core.list(listLipsyncsV3, { query: params }, options),
    /** `PATCH /v3/lipsyncs/{lipsync_id}`. */
    update: (
      lipsyncId: string,
      body: Body<"PATCH /v3/lipsyncs/{lipsync_id}">,
      options?: RequestOptions,
    ) => core.call(updateLipsyncV3, { path: { lipsync_id: lipsyncId }, body }, options),
    /** `DELETE /v3/lipsyncs/{lipsync_id}`. */
    delete: (lipsyncId: string, options?: RequestOptions) =>
      core.call(deleteLipsyncV3, { path: { lipsync_id: lipsyncId } }, options),
    /** Polls `get` until the lipsync is done or failed; see {@link WaitUntilDoneOptions}. */
    waitUntilDone: (lipsyncId: string, options?: WaitUntilDoneOptions<LipsyncResult>) =>
      waitUntilDone(
        getLipsyncV3.key,
        (signal) => get(lipsyncId, { signal }),
        getLipsyncV3.job,
        options,
        core.redact,
      ),
  };
}

/** The `lipsyncs` resource. */
export type Lipsyncs = ReturnType<typeof lipsyncs>;
