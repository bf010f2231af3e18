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
    constructor(file: string, problem: string, where?: SpecInputWhere & {
        kind?: SpecInputErrorKind;
        cause?: unknown;
    });
    /** The file, page or URL that is wrong. */
    file: string;
    /** The same as `file` (the name spec-drift's callers read). */
    source: string;
    /** What is wrong, without the file. */
    problem: string;
    /** Where in the file, when known. */
    where: SpecInputWhere;
    /** Which stage failed: reading, fetching, parsing, checking the document, or a `$ref`. */
    kind: SpecInputErrorKind;
}
export type SpecInputErrorKind = "read" | "network" | "parse" | "invalid" | "ref";
export type SpecInputWhere = {
    line?: number;
    column?: number;
    pointer?: string;
};
