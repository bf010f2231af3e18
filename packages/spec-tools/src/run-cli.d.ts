/**
 * Runs a script's main function: a SpecInputError prints its message and exits 2, anything
 * else is a bug in the scripts and exits 1 with its stack.
 * @param {() => Promise<number | undefined>} main
 */
export function runCli(main: () => Promise<number | undefined>): Promise<void>;
