import { uploadAsset } from "@heygen-openapi/types";
import type { Core } from "../core.js";
import type { RequestOptions } from "../options.js";
import { type Uploadable, type UploadOptions, uploadForm } from "../upload.js";

/**
 * Assets (v3): files uploaded once and referenced by `asset_id` wherever the API takes
 * `{ type: "asset_id", asset_id }` (a video's image or audio, a translation's source...).
 *
 * @example
 * const asset = await heygen.assets.upload(await readFile("face.png"), { filename: "face.png", contentType: "image/png" });
 * await heygen.videos.create({ type: "image", image: { type: "asset_id", asset_id: asset.asset_id }, script: "Hi" });
 */
export function assets(core: Core) {
  return {
    /**
     * `POST /v3/assets`: uploads a Blob, File, Uint8Array/Buffer or ArrayBuffer as
     * `multipart/form-data` (field `file`). Over 32 MB is refused before anything is sent. The
     * attempt timeout is the client's `uploadTimeoutMs` (10 minutes by default). Like any POST it
     * is retried on 5xx or timeout only with an `idempotencyKey`.
     */
    upload: (file: Uploadable, options?: UploadOptions & RequestOptions) =>
      core.upload(uploadAsset, () => uploadForm(uploadAsset.key, file, options), options),
  };
}

/** The `assets` resource. */
export type Assets = ReturnType<typeof assets>;
