/** The prefix of a Standard Webhooks signing secret. */
export const SECRET_PREFIX = "whsec_";

const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/**
 * The HMAC key of a Standard Webhooks secret: the base64 text after `whsec_` (the prefix is
 * optional, as in the reference libraries), decoded. Throws a TypeError that says what is wrong
 * with the secret without quoting it; `where` names the secret (e.g. `secrets[1]`).
 */
export function secretKey(secret: unknown, where: string): Buffer {
  if (typeof secret !== "string" || secret === "") {
    throw new TypeError(`${where} must be a non-empty string such as "whsec_..."`);
  }
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (encoded === "" || !BASE64.test(encoded)) {
    throw new TypeError(
      `${where} is not a Standard Webhooks secret: expected "whsec_" followed by base64 text`,
    );
  }
  return Buffer.from(encoded, "base64");
}
