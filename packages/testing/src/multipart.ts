/** One file part of a multipart form. */
export interface FormFile {
  filename: string | null;
  /** The part's own Content-Type header, if any (the fake sniffs the bytes instead). */
  contentType: string | null;
  bytes: Buffer;
}

/** A parsed `multipart/form-data` body. */
export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, FormFile>;
}

/**
 * Parses a `multipart/form-data` body (RFC 7578) given its request Content-Type. Returns
 * undefined when the Content-Type has no boundary or the body is not a well-formed form.
 */
export function parseMultipart(contentType: string, body: Buffer): MultipartForm | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const form: MultipartForm = { fields: {}, files: {} };
  let start = body.indexOf(delimiter);
  if (start < 0) return undefined;
  for (;;) {
    start += delimiter.length;
    // "--" after a delimiter ends the form.
    if (body[start] === 0x2d && body[start + 1] === 0x2d) return form;
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) return undefined;
    const part = body.subarray(start, next - 2); // minus the CRLF before the delimiter
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) return undefined;
    const headers = part.subarray(0, headerEnd).toString("utf8");
    const content = part.subarray(headerEnd + 4);
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return undefined;
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (filename !== undefined) {
      form.files[name] = {
        filename,
        contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? null,
        bytes: Buffer.from(content),
      };
    } else {
      form.fields[name] = content.toString("utf8");
    }
    start = next;
  }
}
