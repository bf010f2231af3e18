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
export function findEmbeddedDefinition(page: string, name: string): EmbeddedFound | EmbeddedMissing;
/**
 * Like `findEmbeddedDefinition`, but a page without a definition is a SpecInputError naming it.
 * @param {string} page the page's full text
 * @param {string} name the page's file name, for errors
 * @returns {{ format: "json" | "yaml", text: string }}
 */
export function extractEmbeddedDefinition(page: string, name: string): {
    format: "json" | "yaml";
    text: string;
};
/**
 * Whether a text looks like a docs page (it has a fenced JSON/YAML block) rather than a bare
 * definition.
 * @param {string} text
 */
export function isDocsPage(text: string): boolean;
export type EmbeddedFound = {
    found: true;
    format: "json" | "yaml";
    text: string;
    value: Record<string, unknown>;
};
export type EmbeddedMissing = {
    found: false;
    blocks: number;
};
