/**
 * @typedef {"read" | "network" | "parse" | "invalid" | "ref"} SpecInputErrorKind
 * @typedef {{ line?: number, column?: number, pointer?: string }} SpecInputWhere
 */

/**
 * The one error type the spec tooling throws for bad input (the scripts and spec-drift alike):
 * it names the file, page or URL and, where known, the line and column or JSON pointer, so a CLI
 * can print it and exit 2 without a stack trace. `kind` says which stage failed.
 */
export class SpecInputError extends Error {
  /**
   * @param {string} file the file, page or URL that is wrong, relative to the repo where possible
   * @param {string} problem what is wrong with it
   * @param {SpecInputWhere & { kind?: SpecInputErrorKind, cause?: unknown }} [where]
   */
  constructor(file, problem, where = {}) {
    const { kind = "invalid", cause, ...at } = where;
    const position = [
      at.line !== undefined ? `line ${at.line}` : "",
      at.column !== undefined ? `column ${at.column}` : "",
      at.pointer !== undefined ? `at ${at.pointer}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    super(
      `${file}${position ? ` (${position})` : ""}: ${problem}`,
      cause === undefined ? {} : { cause },
    );
    this.name = "SpecInputError";
    /** The file, page or URL that is wrong. */
    this.file = file;
    /** The same as `file` (the name spec-drift's callers read). */
    this.source = file;
    /** What is wrong, without the file. */
    this.problem = problem;
    /** Where in the file, when known. */
    this.where = /** @type {SpecInputWhere} */ (at);
    /** Which stage failed: reading, fetching, parsing, checking the document, or a `$ref`. */
    this.kind = kind;
  }
}
