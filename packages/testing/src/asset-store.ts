import type { Asset } from "@heygen-openapi/types";
import type { Random } from "./random.js";

/** An uploaded asset as the fake keeps it. */
export interface StoredAsset extends Asset {
  /** The file name the upload gave, if any. */
  filename: string | null;
}

/** The largest upload HeyGen takes: 32 MB. */
export const MAX_ASSET_BYTES = 32 * 1024 * 1024;

/** The extension of a file of `mime`, for its URL. */
const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "audio/wav": "wav",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/ogg": "ogg",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/webm": "webm",
  "application/pdf": "pdf",
};

/** The uploaded assets of one fake. */
export interface AssetStore {
  add(bytes: number, mime: string, filename: string | null): StoredAsset;
  get(id: string): StoredAsset | undefined;
  list(): StoredAsset[];
  reset(): void;
}

/** Whether `mime` is a type HeyGen's upload takes (image, video, audio, PDF). */
export function isUploadable(mime: string): boolean {
  return mime in EXTENSIONS;
}

/** Creates an empty asset store. */
export function createAssetStore(random: () => Random): AssetStore {
  const assets = new Map<string, StoredAsset>();
  let rng = random();
  return {
    add(size, mime, filename) {
      const id = rng.hex(32);
      const asset: StoredAsset = {
        asset_id: id,
        url: `https://resource2.heygen.ai/asset/${id}/original.${EXTENSIONS[mime] ?? "bin"}`,
        mime_type: mime,
        size_bytes: size,
        filename,
      };
      assets.set(id, asset);
      return { ...asset };
    },
    get: (id) => {
      const asset = assets.get(id);
      return asset ? { ...asset } : undefined;
    },
    list: () => [...assets.values()].map((a) => ({ ...a })),
    reset() {
      assets.clear();
      rng = random();
    },
  };
}
