/**
 * The body-reading step: the answer's text parsed as JSON, exactly as the server sent it (data is
 * never rewritten; only errors the client builds are scrubbed). `json` is false for a non-empty
 * text that is not JSON, which `body` then holds as is; an empty text gives `undefined`.
 */
export function parseBody(text: string): { body: unknown; json: boolean } {
  if (!text) return { body: undefined, json: true };
  try {
    return { body: JSON.parse(text), json: true };
  } catch {
    return { body: text, json: false };
  }
}

/** `error.code` of an error body (`{ error: { code } }`), when there is one. */
export function errorCodeOf(body: unknown): string | undefined {
  const e = (body as { error?: { code?: unknown } } | null | undefined)?.error;
  const code = e && typeof e === "object" ? e.code : undefined;
  return typeof code === "string" ? code : undefined;
}
