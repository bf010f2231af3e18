import { SpecInputError } from "./errors.mjs";

/**
 * Finds the OpenAPI definition embedded in a docs page: the readme.io style (a ```json fence
 * after "# OpenAPI definition") or the Mintlify style (a ````yaml fence after "## OpenAPI").
 * The text is returned exactly as it stands between the fences, byte for byte.
 * @param {string} page the page's full text
 * @param {string} name the page's file name, for errors
 * @returns {{ format: "json" | "yaml", text: string }}
 */
export function extractEmbeddedDefinition(page, name) {
  const fence = /^(`{3,})(json|ya?ml)\b[^\n]*\n/gm;
  for (let match = fence.exec(page); match; match = fence.exec(page)) {
    const [opening, ticks, lang] = match;
    const start = match.index + opening.length;
    const close = new RegExp(`^${ticks}[ \\t]*$`, "m");
    const rest = page.slice(start);
    const end = close.exec(rest);
    if (!end)
      throw new SpecInputError(name, `the ${ticks}${lang} fence that opens here is never closed`);
    const text = rest.slice(0, end.index);
    if (/^\s*[{]?\s*"?openapi"?\s*:/m.test(text)) {
      return { format: lang === "json" ? "json" : "yaml", text };
    }
  }
  throw new SpecInputError(
    name,
    "no embedded OpenAPI definition (a ```json or ```yaml fence whose text starts with `openapi:`) was found",
  );
}
