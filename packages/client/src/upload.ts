import { HeyGenValidationError } from "./errors.js";

/** What `assets.upload` takes: a Blob or File, bytes (Uint8Array, Buffer) or an ArrayBuffer. */
export type Uploadable = Blob | Uint8Array | ArrayBuffer;

/** Options of `assets.upload`. */
export interface UploadOptions {
  /** The file name sent with the part; default the File's name, else `upload`. */
  filename?: string | undefined;
  /** The part's MIME type; default the Blob's type, else `application/octet-stream`. */
  contentType?: string | undefined;
}

/** The largest file HeyGen takes at `POST /v3/assets`: 32 MB. */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

/**
 * The upload step: the multipart/form-data body of an upload, the file in the field `file`.
 * Anything that is not a Blob, File, Uint8Array or ArrayBuffer, or is larger than 32 MB, is a
 * HeyGenValidationError before anything is sent. The FormData can be sent again on a retry.
 */
export function uploadForm(op: string, file: unknown, o: UploadOptions = {}): FormData {
  if (typeof o !== "object" || o === null) {
    throw new HeyGenValidationError(`${op}: options must be an object`);
  }
  for (const k of ["filename", "contentType"] as const) {
    if (o[k] !== undefined && (typeof o[k] !== "string" || o[k] === "")) {
      throw new HeyGenValidationError(`${op}: ${k} must be a non-empty string`);
    }
  }
  const isBlob = file instanceof Blob;
  if (!(isBlob || file instanceof Uint8Array || file instanceof ArrayBuffer)) {
    throw new HeyGenValidationError(
      `${op}: file must be a Blob, File, Uint8Array, Buffer or ArrayBuffer`,
    );
  }
  const size = isBlob ? file.size : file.byteLength;
  if (size > MAX_UPLOAD_BYTES) {
    throw new HeyGenValidationError(
      `${op}: file is ${size} bytes, over HeyGen's limit of ${MAX_UPLOAD_BYTES} (32 MB)`,
    );
  }
  const type = o.contentType ?? (isBlob && file.type ? file.type : "application/octet-stream");
  // a Blob is sent as it is (its bytes are not copied) unless a content type replaces its own
  const blob =
    isBlob && o.contentType === undefined
      ? file
      : new Blob([isBlob ? file : new Uint8Array(file)], { type });
  const name =
    o.filename ?? (typeof File !== "undefined" && file instanceof File ? file.name : "upload");
  const form = new FormData();
  form.append("file", blob, name);
  return form;
}
