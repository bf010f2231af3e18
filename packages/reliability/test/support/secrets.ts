import { inspect } from "node:util";

/**
 * The API key every suite uses: long, distinctive and lower-case (URL hosts are lower-cased, so a
 * key echoed into a redirect host stays recognisable).
 */
export const API_KEY = "sk-rel-7f3c9a1e5b2d4086a9c1e7f3b5d20864";

/**
 * Every text a user could see of an error: message, stack, JSON, inspect output (with hidden
 * fields), down the `cause` chain.
 */
export function errorTexts(error: unknown): string[] {
  const texts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e != null; depth++) {
    if (e instanceof Error) {
      texts.push(e.message, e.stack ?? "");
    }
    texts.push(String(e));
    try {
      texts.push(JSON.stringify(e) ?? "");
    } catch (err) {
      texts.push(`JSON.stringify threw ${String(err)}`);
    }
    texts.push(inspect(e, { depth: 8, showHidden: true, getters: true }));
    e = (e as { cause?: unknown }).cause;
  }
  return texts;
}

/** Where `secret` shows in the error's user-visible texts, as short excerpts (empty: nowhere). */
export function secretLeaks(error: unknown, secret: string): string[] {
  return errorTexts(error)
    .map((t) => {
      const at = t.indexOf(secret);
      return at < 0 ? "" : t.slice(Math.max(0, at - 60), at + secret.length + 20);
    })
    .filter(Boolean);
}
