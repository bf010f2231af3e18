import { createVideo, deleteVideoV3, getVideoV3, listVideosV3 } from "@heygen-openapi/types";
import type { Core } from "../core.js";
import { type WaitUntilDoneOptions, waitUntilDone } from "../jobs.js";
import type { Body, Data, Query } from "../operation-types.js";
import type { RequestOptions } from "../options.js";

/** A video as `GET /v3/videos/{video_id}` answers it. */
export type VideoResult = Data<"GET /v3/videos/{video_id}">;

/**
 * Videos (v3): create from an avatar or an image, read, list, delete, and wait for one to finish.
 *
 * @example
 * const { video_id } = await heygen.videos.create({ type: "avatar", avatar_id, script: "Hello" });
 * const video = await heygen.videos.waitUntilDone(video_id, { onProgress: (v) => console.log(v.status) });
 * console.log(video.video_url);
 */
export function videos(core: Core) {
  const get = (videoId: string, options?: RequestOptions) =>
    core.call(getVideoV3, { path: { video_id: videoId } }, options);
  return {
    /** `POST /v3/videos`: starts rendering a video; resolves to `{ video_id, status }`. */
    create: (body: Body<"POST /v3/videos">, options?: RequestOptions) =>
      core.call(createVideo, { body }, options),
    /** `GET /v3/videos/{video_id}`: one video, with `video_url` once it is `completed`. */
    get,
    /** `GET /v3/videos`: awaitable first page, `for await` over every video of every page. */
    list: (params?: Query<"GET /v3/videos">, options?: RequestOptions) =>
      core.list(listVideosV3, { query: params }, options),
    /** `DELETE /v3/videos/{video_id}`. */
    delete: (videoId: string, options?: RequestOptions) =>
      core.call(deleteVideoV3, { path: { video_id: videoId } }, options),
    /**
     * Polls `get(videoId)` until the video is `completed` (resolves with it) or `failed` (rejects
     * with JobFailedError); see {@link WaitUntilDoneOptions}.
     */
    waitUntilDone: (videoId: string, options?: WaitUntilDoneOptions<VideoResult>) =>
      waitUntilDone(
        getVideoV3.key,
        (signal) => get(videoId, { signal }),
        getVideoV3.job,
        options,
        core.redact,
      ),
  };
}

/** The `videos` resource. */
export type Videos = ReturnType<typeof videos>;
