import { SpecInputError } from "@heygen-openapi/spec-tools";
import { parseDocument } from "yaml";

/** Deeper than any real OpenAPI document; deeper input would overflow recursive tools. */
export const MAX_DEPTH = 256;

/**
 * Throws a SpecInputError naming the file when `value` nests objects or arrays deeper than
 * MAX_DEPTH. Iterative, so the check itself cannot overflow the stack.
 * @param {unknown} value
 * @param {string} file
 */
export function assertDepth(value, file) {
  /** @type {Array<[unknown, number, string]>} */
  const stack = [[value, 0, ""]];
  while (stack.length > 0) {
    const [node, depth, pointer] = /** @type {[unknown, number, string]} */ (stack.pop());
    if (typeof node !== "object" || node === null) continue;
    if (depth > MAX_DEPTH) {
      throw new SpecInputError(file, `nested more than ${MAX_DEPTH} levels deep`, {
        pointer: pointer.slice(0, 80),
      });
    }
    for (const [key, child] of Object.entries(node))
      stack.push([child, depth + 1, `${pointer}/${key}`]);
  }
}

/**
 * Parses JSON or YAML text (chosen by the file name) and reports a syntax error with the file,
 * line and column instead of a bare SyntaxError.
 * @param {string} text
 * @param {string} file
 * @returns {unknown}
 */
export function parseSpecText(text, file) {
  if (/\.json$/i.test(file)) {
    const value = parseJson(text, file);
    assertDepth(value, file);
    return value;
  }
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
  try {
    const value = doc.toJS({ maxAliasCount: 100 });
    assertDepth(value, file);
    return value;
  } catch (error) {
    if (error instanceof SpecInputError) throw error;
    // yaml enforces its alias limit (a "billion laughs" document) only while converting
    throw new SpecInputError(
      file,
      `invalid YAML: ${error instanceof Error ? error.message : error}`,
    );
  }
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
