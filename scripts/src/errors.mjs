/**
 * The one error type the spec scripts throw for bad input: it names the file and, where known,
 * the line and column or JSON pointer, so a CLI can print it and exit 2 without a stack trace.
 */
export class SpecInputError extends Error {
  /**
   * @param {string} file the file (or page) that is wrong, relative to the repo where possible
   * @param {string} problem what is wrong with it
   * @param {{ line?: number, column?: number, pointer?: string }} [where]
   */
  constructor(file, problem, where = {}) {
    const at = [
      where.line !== undefined ? `line ${where.line}` : "",
      where.column !== undefined ? `column ${where.column}` : "",
      where.pointer !== undefined ? `at ${where.pointer}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    super(`${file}${at ? ` (${at})` : ""}: ${problem}`);
    this.name = "SpecInputError";
    this.file = file;
    this.problem = problem;
    this.where = where;
  }
}

/**
 * Runs a script's main function: a SpecInputError prints its message and exits 2, anything
 * else is a bug in the scripts and exits 1 with its stack.
 * @param {() => Promise<number | undefined>} main
 */
export async function runCli(main) {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    if (error instanceof SpecInputError) {
      console.error(`error: ${error.message}`);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  }
}
