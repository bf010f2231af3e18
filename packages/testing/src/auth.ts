/** The credentials one fake accepts. */
export interface Credentials {
  apiKey: string;
  bearerTokens: readonly string[];
}

/**
 * Whether the request carries an accepted credential: the API key in `x-api-key`, or the key or
 * one of the bearer tokens as `Authorization: Bearer ...` (the spec's two security schemes).
 * A present but wrong `x-api-key` fails even with a good bearer token, as a gateway would.
 */
export function isAuthorized(headers: Record<string, string>, credentials: Credentials): boolean {
  const key = headers["x-api-key"];
  if (key !== undefined) return safeEqual(key, credentials.apiKey);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "");
  if (!match) return false;
  const token = match[1]!;
  return (
    safeEqual(token, credentials.apiKey) ||
    credentials.bearerTokens.some((t) => safeEqual(token, t))
  );
}

function safeEqual(a: string, b: string): boolean {
  // Length-independent comparison; the fake is not a security boundary, but models good habits.
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return diff === 0;
}
