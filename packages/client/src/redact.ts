/** Replaces every occurrence of the client's secrets in a text; identity when there are none. */
export type Redactor = (text: string) => string;

const MARK = "[redacted]";
const SECRET_HEADER = /^(x-api-key|authorization|proxy-authorization|cookie)$/i;

/**
 * Builds the scrubber for one client's secrets. The secrets stay inside this closure, so no object
 * the client hands out (errors, hook payloads, the client itself) holds them as a property. Each
 * secret is also matched as JSON.stringify spells it inside a string (`"` and `\` escaped), so a
 * re-serialized body is scrubbed too; that spelling goes first, as it can contain the plain one.
 *
 * It is applied only to what the client itself writes (error messages and fields, hook payloads,
 * log lines), never to data a server returns to the caller.
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
 * A copy of response headers for an error the client builds: every value scrubbed. The response
 * itself is left untouched (it is the server's data, handed to the caller as it came).
 */
export function scrubHeaders(headers: Headers, redact: Redactor): Headers {
  const out = new Headers();
  for (const [k, v] of headers) out.append(k, redact(v));
  return out;
}

/**
 * A parsed body, scrubbed for an error the client builds. It goes through `JSON.stringify`, which
 * spells every string one way, so a secret hidden behind JSON escapes (`\u0073k-...`, `\/`) is
 * found too. An unchanged body is returned as is; a scrub that broke the JSON gives the text.
 */
export function scrubBody(body: unknown, redact: Redactor): unknown {
  if (body === undefined) return body;
  if (typeof body === "string") return redact(body);
  const text = JSON.stringify(body);
  const clean = redact(text);
  if (clean === text) return body;
  try {
    return JSON.parse(clean);
  } catch {
    return clean;
  }
}
