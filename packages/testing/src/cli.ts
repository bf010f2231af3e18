import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { createFakeHeyGen } from "./fake.js";

const USAGE = `Usage: heygen-fake [--port N] [--seed N] [--api-key KEY]

Serves the fake HeyGen API (every operation of HeyGen's published API, with state) on
http://127.0.0.1:<port> until stopped with Ctrl-C (SIGINT) or SIGTERM.

Options:
  --port N       port on 127.0.0.1 (default 4010; 0 picks a free one)
  --seed N       seed of the state and generated data (default 1)
  --api-key KEY  the API key it accepts in x-api-key or as a bearer token (default "test-key")
  --help         show this help
  --version      show the version`;

/** What the command line asked for. */
export type CliCommand =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "serve"; port: number; seed: number; apiKey: string };

/** Parses the arguments of `heygen-fake`; throws a TypeError naming a bad one. */
export function parseCli(argv: readonly string[]): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      seed: { type: "string" },
      "api-key": { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const port = integer(values.port ?? "4010", "--port");
  if (port > 65535) throw new TypeError("--port must be from 0 to 65535");
  const apiKey = values["api-key"] ?? "test-key";
  if (apiKey === "") throw new TypeError("--api-key must not be empty");
  return { kind: "serve", port, seed: integer(values.seed ?? "1", "--seed"), apiKey };
}

function integer(text: string, name: string): number {
  if (!/^\d+$/.test(text)) throw new TypeError(`${name} must be a whole number, got "${text}"`);
  return Number(text);
}

/**
 * Runs `heygen-fake`: prints its URL, serves until SIGINT or SIGTERM, then closes the fake and
 * resolves with the exit code (0 on a clean stop, 2 for bad arguments, 1 if it cannot listen).
 */
export async function runCli(
  argv: readonly string[],
  io: { out: (line: string) => void; err: (line: string) => void } = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCli(argv);
  } catch (error) {
    io.err(`heygen-fake: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === "help") {
    io.out(USAGE);
    return 0;
  }
  if (command.kind === "version") {
    const require = createRequire(import.meta.url);
    io.out((require("../package.json") as { version: string }).version);
    return 0;
  }
  const fake = await createFakeHeyGen({ apiKey: command.apiKey, seed: command.seed });
  let url: string;
  try {
    url = await fake.listen({ port: command.port });
  } catch (error) {
    await fake.close();
    io.err(`heygen-fake: cannot listen on 127.0.0.1:${command.port}: ${(error as Error).message}`);
    return 1;
  }
  io.out(`heygen-fake listening on ${url}`);
  io.out(
    `  seed ${command.seed}; send the API key ${command.apiKey === "test-key" ? '"test-key"' : "given with --api-key"} as x-api-key`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await fake.close();
  io.out("heygen-fake stopped");
  return 0;
}
