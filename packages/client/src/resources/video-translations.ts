import {
  createProofreadV3,
  createVideoTranslationV3,
  deleteVideoTranslationV3,
  downloadProofreadSrtV3,
  generateFromProofreadV3,
  getProofreadV3,
  getVideoTranslationCaptionV3,
  getVideoTranslationV3,
  listVideoTranslationLanguagesV3,
  listVideoTranslationsV3,
  updateVideoTranslationV3,
  uploadProofreadSrtV3,
} from "@heygen-openapi/types";
import type { Core } from "../core.js";
import { type WaitUntilDoneOptions, waitUntilDone } from "../jobs.js";
import type { Body, Data, Query } from "../operation-types.js";
import type { RequestOptions } from "../options.js";

/** A video translation as `GET /v3/video-translations/{video_translation_id}` answers it. */
export type VideoTranslationResult = Data<"GET /v3/video-translations/{video_translation_id}">;
/** A proofread as `GET /v3/video-translations/proofreads/{proofread_id}` answers it. */
export type ProofreadResult = Data<"GET /v3/video-translations/proofreads/{proofread_id}">;

/** Proofreads: review a translation's subtitles before the translated video is generated. */
function proofreads(core: Core) {
  const get = (proofreadId: string, options?: RequestOptions) =>
    core.call(getProofreadV3, { path: { proofread_id: proofreadId } }, options);
  const p = (proofreadId: string) => ({ proofread_id: proofreadId });
  return {
    /** `POST /v3/video-translations/proofreads`. */
    create: (body: Body<"POST /v3/video-translations/proofreads">, options?: RequestOptions) =>
      core.call(createProofreadV3, { body }, options),
    /** `GET /v3/video-translations/proofreads/{proofread_id}`. */
    get,
    /** `GET /v3/video-translations/proofreads/{proofread_id}/srt`: the subtitles to review. */
    srt: (proofreadId: string, options?: RequestOptions) =>
      core.call(downloadProofreadSrtV3, { path: p(proofreadId) }, options),
    /** `PUT /v3/video-translations/proofreads/{proofread_id}/srt`: the reviewed subtitles. */
    uploadSrt: (
      proofreadId: string,
      body: Body<"PUT /v3/video-translations/proofreads/{proofread_id}/srt">,
      options?: RequestOptions,
    ) => core.call(uploadProofreadSrtV3, { path: p(proofreadId), body }, options),
    /** `POST /v3/video-translations/proofreads/{proofread_id}/generate`: renders the video. */
    generate: (
      proofreadId: string,
      body: Body<"POST /v3/video-translations/proofreads/{proofread_id}/generate">,
      options?: RequestOptions,
    ) => core.call(generateFromProofreadV3, { path: p(proofreadId), body }, options),
    /** Polls `get` until the proofread is done or failed; see {@link WaitUntilDoneOptions}. */
    waitUntilDone: (proofreadId: string, options?: WaitUntilDoneOptions<ProofreadResult>) =>
      waitUntilDone(
        getProofreadV3.key,
        (signal) => get(proofreadId, { signal }),
        getProofreadV3.job,
        options,
        core.redact,
      ),
  };
}

/**
 * Video translations (v3): translate and dub a video into other languages, with proofreads.
 *
 * @example
 * const { video_translation_ids } = await heygen.videoTranslations.create(body);
 * const done = await heygen.videoTranslations.waitUntilDone(video_translation_ids[0]);
 */
export function videoTranslations(core: Core) {
  const id = (videoTranslationId: string) => ({ video_translation_id: videoTranslationId });
  const get = (videoTranslationId: string, options?: RequestOptions) =>
    core.call(getVideoTranslationV3, { path: id(videoTranslationId) }, options);
  return {
    /** `POST /v3/video-translations`: one translation per output language. */
    create: (body: Body<"POST /v3/video-translations">, options?: RequestOptions) =>
      core.call(createVideoTranslationV3, { body }, options),
    /** `GET /v3/video-translations/{video_translation_id}`. */
    get,
    /** `GET /v3/video-translations`: awaitable first page, `for await` over every translation. */
    list: (params?: Query<"GET /v3/video-translations">, options?: RequestOptions) =>
      core.list(listVideoTranslationsV3, { query: params }, options),
    /** `PATCH /v3/video-translations/{video_translation_id}`. */
    update: (
      videoTranslationId: string,
      body: Body<"PATCH /v3/video-translations/{video_translation_id}">,
      options?: RequestOptions,
    ) => core.call(updateVideoTranslationV3, { path: id(videoTranslationId), body }, options),
    /** `DELETE /v3/video-translations/{video_translation_id}`. */
    delete: (videoTranslationId: string, options?: RequestOptions) =>
      core.call(deleteVideoTranslationV3, { path: id(videoTranslationId) }, options),
    /** `GET /v3/video-translations/{video_translation_id}/caption`: the captions file. */
    caption: (
      videoTranslationId: string,
      params?: Query<"GET /v3/video-translations/{video_translation_id}/caption">,
      options?: RequestOptions,
    ) =>
      core.call(
        getVideoTranslationCaptionV3,
        { path: id(videoTranslationId), query: params },
        options,
      ),
    /** `GET /v3/video-translations/languages`: the languages a video can be translated into. */
    languages: (options?: RequestOptions) =>
      core.call(listVideoTranslationLanguagesV3, {}, options),
    /** Polls `get` until the translation is done or failed; see {@link WaitUntilDoneOptions}. */
    waitUntilDone: (
      videoTranslationId: string,
      options?: WaitUntilDoneOptions<VideoTranslationResult>,
    ) =>
      waitUntilDone(
        getVideoTranslationV3.key,
        (signal) => get(videoTranslationId, { signal }),
        getVideoTranslationV3.job,
        options,
        core.redact,
      ),
    proofreads: proofreads(core),
  };
}

/** The `videoTranslations` resource. */
export type VideoTranslations = ReturnType<typeof videoTranslations>;
