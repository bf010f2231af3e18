import type { OperationKey } from "@heygen-openapi/types";
import { isUploadable, MAX_ASSET_BYTES } from "./asset-store.js";
import { invalidParameter } from "./error-bodies.js";
import { sniffMime } from "./mime-sniff.js";
import { type Operation, ok } from "./operation-context.js";

/** `POST /v3/assets`: a multipart upload, stored with the size and the MIME type of its bytes. */
export const ASSET_OPERATIONS = {
  "POST /v3/assets": ({ assets }, { form }) => {
    const file = form?.files.file;
    if (!file)
      return {
        error: invalidParameter(
          "file",
          "file is required: send it as a multipart file part named file.",
        ),
      };
    if (file.bytes.length > MAX_ASSET_BYTES) {
      return {
        error: invalidParameter(
          "file",
          `file is ${file.bytes.length} bytes; the limit is 32 MB (${MAX_ASSET_BYTES} bytes).`,
        ),
      };
    }
    if (file.bytes.length === 0) return { error: invalidParameter("file", "file is empty.") };
    const mime = sniffMime(file.bytes);
    if (!isUploadable(mime)) {
      return {
        error: invalidParameter(
          "file",
          "file is not an image, video, audio or PDF file (judged by its bytes, not its name).",
        ),
      };
    }
    const { filename: _name, ...asset } = assets.add(file.bytes.length, mime, file.filename);
    return ok(asset);
  },
} satisfies Partial<Record<OperationKey, Operation>>;
