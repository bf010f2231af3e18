import { parse as parseYaml } from "yaml";
import { SpecInputError } from "./errors.js";

/** A fence that opens a JSON or YAML block: 3+ backticks or tildes, then the language. */
const FENCE_OPEN = /^(`{3,}|~{3,})[ \t]*(json|ya?ml)\b[^\n]*\n/gim;

/**
 * @typedef {{ found: true, format: "json" | "yaml", text: string, value: Record<string, unknown> }} EmbeddedFound
 * @typedef {{ found: false, blocks: number }} EmbeddedMissing
 */

/**
 * Looks for the OpenAPI definition embedded in a docs page: the readme.io style (a ```json fence)
 * or the Mintlify style (a ````yaml fence with words after the language); `~~~` fences count
 * too. The first JSON/YAML block that parses to an object with an `openapi` (or `swagger`) field
 * is the definition; its text is returned exactly as it stands between the fences, byte for
 * byte. A block that does not parse is skipped (pages show snippets before the definition).
 * Throws a SpecInputError (kind `parse`) for a fence that is never closed.
 * @param {string} page the page's full text
 * @param {string} name the page's file name or URL, for errors
 * @returns {EmbeddedFound | EmbeddedMissing}
 */
export function findEmbeddedDefinition(page, name) {
  let blocks = 0;
  const fence = new RegExp(FENCE_OPEN.source, FENCE_OPEN.flags);
  for (let match = fence.exec(page); match; match = fence.exec(page)) {
    const [opening, ticks = "```", lang = ""] = match;
    const start = match.index + opening.length;
    const close = new RegExp(`^${ticks[0] === "`" ? "`" : "~"}{${ticks.length},}[ \\t]*$`, "m");
    const rest = page.slice(start);
    const end = close.exec(rest);
    if (!end) {
      throw new SpecInputError(name, `the ${ticks}${lang} fence that opens here is never closed`, {
        kind: "parse",
      });
    }
    blocks++;
    const text = rest.slice(0, end.index);
    fence.lastIndex = start + end.index + end[0].length;
    if (!/\b(openapi|swagger)\b/.test(text)) continue;
    const format = lang.toLowerCase() === "json" ? "json" : "yaml";
    /** @type {unknown} */
    let value;
    try {
      value = format === "json" ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 10_000 });
    } catch {
      continue;
    }
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const record = /** @type {Record<string, unknown>} */ (value);
      if ("openapi" in record || "swagger" in record)
        return { found: true, format, text, value: record };
    }
  }
  return { found: false, blocks };
}

/**
 * Like `findEmbeddedDefinition`, but a page without a definition is a SpecInputError naming it.
 * @param {string} page the page's full text
 * @param {string} name the page's file name, for errors
 * @returns {{ format: "json" | "yaml", text: string }}
 */
export function extractEmbeddedDefinition(page, name) {
  const embedded = findEmbeddedDefinition(page, name);
  if (embedded.found) return { format: embedded.format, text: embedded.text };
  throw new SpecInputError(
    name,
    "no embedded OpenAPI definition (a ```json or ```yaml fence whose text starts with `openapi:`) was found",
    { kind: "parse" },
  );
}

/**
 * Whether a text looks like a docs page (it has a fenced JSON/YAML block) rather than a bare
 * definition.
 * @param {string} text
 */
export function isDocsPage(text) {
  return new RegExp(FENCE_OPEN.source, "im").test(text);
}
