import { SpecInputError } from "./errors.js";

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
