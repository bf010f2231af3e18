import { parseDocument } from "yaml";
import { SpecInputError } from "./errors.mjs";

/**
 * Parses JSON or YAML text (chosen by the file name) and reports a syntax error with the file,
 * line and column instead of a bare SyntaxError.
 * @param {string} text
 * @param {string} file
 * @returns {unknown}
 */
export function parseSpecText(text, file) {
  if (/\.json$/i.test(file)) return parseJson(text, file);
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    throw new SpecInputError(
      file,
      `invalid YAML: ${first.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`,
      {
        line: pos?.line,
        column: pos?.col,
      },
    );
  }
  return doc.toJS({ maxAliasCount: 100 });
}

/**
 * @param {string} text
 * @param {string} file
 */
function parseJson(text, file) {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(message);
    /** @type {{ line?: number, column?: number }} */
    const where = {};
    if (match) {
      const before = text.slice(0, Number(match[1]));
      const lines = before.split("\n");
      where.line = lines.length;
      where.column = (lines.at(-1)?.length ?? 0) + 1;
    }
    throw new SpecInputError(
      file,
      `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}`,
      where,
    );
  }
}
