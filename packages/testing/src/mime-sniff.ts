/** Magic numbers of the file types HeyGen's asset upload takes (image, video, audio, PDF). */
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: "image/png", test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: "image/jpeg", test: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { mime: "image/gif", test: (b) => ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a") },
  { mime: "image/webp", test: (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP") },
  { mime: "audio/wav", test: (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE") },
  { mime: "application/pdf", test: (b) => ascii(b, 0, "%PDF-") },
  {
    mime: "audio/mpeg",
    test: (b) => ascii(b, 0, "ID3") || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  },
  { mime: "video/quicktime", test: (b) => ascii(b, 4, "ftypqt") },
  { mime: "audio/mp4", test: (b) => ascii(b, 4, "ftypM4A") },
  { mime: "video/mp4", test: (b) => ascii(b, 4, "ftyp") },
  { mime: "video/webm", test: (b) => starts(b, [0x1a, 0x45, 0xdf, 0xa3]) },
  { mime: "audio/ogg", test: (b) => ascii(b, 0, "OggS") },
];

/**
 * The MIME type of `bytes` from their first bytes (what the file is, whatever its name or the
 * Content-Type the client claimed); `application/octet-stream` when it is none of the types
 * HeyGen takes.
 */
export function sniffMime(bytes: Buffer): string {
  return SIGNATURES.find((s) => s.test(bytes))?.mime ?? "application/octet-stream";
}

function starts(b: Buffer, magic: number[]): boolean {
  return magic.every((byte, i) => b[i] === byte);
}

function ascii(b: Buffer, at: number, text: string): boolean {
  return b.length >= at + text.length && b.toString("latin1", at, at + text.length) === text;
}
