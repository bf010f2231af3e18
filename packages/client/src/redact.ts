/** Replaces every occurrence of the client's secrets in a text; identity when there are none. */
export type Redactor = (text: string) => string;

const MARK = "[redacted]";
const SECRET_HEADER = /^(x-api-key|authorization|proxy-authorization|cookie)$/i;

/**
 * Builds the scrubber for one client's secrets. The secrets stay inside this closure, so no object
 * the client hands out (errors, hook payloads, the client itself) holds them as a property.
 */
export function createRedactor(secrets: string[]): Redactor {
  return (text) => secrets.reduce((t, s) => (t.includes(s) ? t.split(s).join(MARK) : t), text);
}

/** Header pairs safe to log or hand to hooks: credential headers masked, secrets scrubbed. */
export function redactHeaders(headers: Headers, redact: Redactor): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of headers) out[k] = SECRET_HEADER.test(k) ? MARK : redact(v);
  return out;
}

/** Copy of response headers with any echoed secret scrubbed. */
export function scrubHeaders(headers: Headers, redact: Redactor): Headers {
  const out = new Headers();
  for (const [k, v] of headers) out.append(k, redact(v));
  return out;
}
