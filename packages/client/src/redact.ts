/** Replaces every occurrence of the client's secrets in a text; identity when there are none. */
export type Redactor = (text: string) => string;

const MARK = "[redacted]";
const SECRET_HEADER = /^(x-api-key|authorization|proxy-authorization|cookie)$/i;

/**
 * Builds the scrubber for one client's secrets. The secrets stay inside this closure, so no object
 * the client hands out (errors, hook payloads, the client itself) holds them as a property. Each
 * secret is also matched as JSON.stringify spells it inside a string (`"` and `\` escaped), so a
 * re-serialized body is scrubbed too; that spelling goes first, as it can contain the plain one.
 */
export function createRedactor(secrets: string[]): Redactor {
  const all = secrets.flatMap((s) => [JSON.stringify(s).slice(1, -1), s]);
  return (text) => all.reduce((t, s) => (t.includes(s) ? t.split(s).join(MARK) : t), text);
}

/** Header pairs safe to log or hand to hooks: credential headers masked, secrets scrubbed. */
export function redactHeaders(headers: Headers, redact: Redactor): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of headers) out[k] = SECRET_HEADER.test(k) ? MARK : redact(v);
  return out;
}

/**
 * Scrubs secrets a server echoed in a response's headers or status text, at the one point where
 * answers enter the client, so everything that reads the response afterwards (hook payloads, log
 * lines, errors, `withResponse()`, the raw clients) sees clean values. A clean response is returned
 * as is; otherwise scrubbed copies shadow `headers` and `statusText` on the same object, because a
 * rebuilt Response could not hold a status outside 200-599 (still reported as an error) and would
 * lose its `url`.
 */
export function scrubResponse(r: Response, redact: Redactor): Response {
  // one string, one scan: per-header redactor calls cost more than the whole scrub
  let seen = r.statusText;
  for (const [k, v] of r.headers) seen += `\n${k}: ${v}`;
  if (redact(seen) === seen) return r;
  const headers = new Headers();
  for (const [k, v] of r.headers) headers.append(k, redact(v));
  return Object.defineProperties(r, {
    headers: { value: headers },
    statusText: { value: redact(r.statusText) },
  });
}
