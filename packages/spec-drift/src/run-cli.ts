import { parseArgs } from "node:util";
import pkg from "../package.json" with { type: "json" };
import { compareSpecs } from "./compare.js";
import { SpecLoadError } from "./errors.js";
import { formatReport, type ReportFormat } from "./report.js";
import { RULES } from "./rules.js";
import type { CompareOptions, DriftReport } from "./types.js";
import { compareUpstream } from "./upstream.js";

/** The `--fail-on` threshold: the lowest level that makes the CLI exit 1. */
export type FailOn = "breaking" | "warning" | "any" | "none";

/** Where the CLI writes; tests pass collectors, the bin passes the process streams. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const FORMATS: readonly ReportFormat[] = ["text", "markdown", "json"];
const FAIL_ON: readonly FailOn[] = ["breaking", "warning", "any", "none"];
const LEVELS = ["ours", "oasdiff"] as const;

const PROGRAM = "heygen-spec-drift";
const OUTPUT_OPTIONS = `  -f, --format text|markdown|json   report format (default: text)
      --fail-on breaking|warning|any|none
                                    lowest level that exits 1 (default: breaking)`;
const EXIT_CODES = `Exit codes:
  0  no change at or above the --fail-on level
  1  at least one change at or above the --fail-on level
  2  bad input: unreadable file, invalid spec, network error, unknown option`;

/** The help of each command, printed by `<command> --help`. */
const COMMAND_HELP = {
  compare: `Usage: ${PROGRAM} compare <base> <head> [options]

Compares two OpenAPI 3.0/3.1 documents (file paths or http(s) URLs; JSON, YAML, or a docs page
embedding the definition) and classifies each change as a client experiences it.

Options:
${OUTPUT_OPTIONS}
      --timeout <seconds>           give up on a URL after this long (default: 15)
      --levels ours|oasdiff         oasdiff's level on the rules we judge differently (default: ours)

${EXIT_CODES}
`,
  upstream: `Usage: ${PROGRAM} upstream <manifest.json> [options]

Compares each vendored definition listed in a manifest with what its URL serves now. A source
is a docs page embedding the definition ({ "url", "page", "definition" }) or a definition
published whole ({ "url", "definition" }, no page); "role" is "source" or "cross-check".

Options:
${OUTPUT_OPTIONS}
      --timeout <seconds>           give up on a URL after this long (default: 15)

${EXIT_CODES}
`,
  rules: `Usage: ${PROGRAM} rules [--format text|markdown|json]

Lists the rule catalogue: every id the classifier reports, its level, direction and what it detects.
`,
} as const;

type Command = keyof typeof COMMAND_HELP;

/** The `--help` text. */
export const USAGE = `Usage: ${PROGRAM} compare <base> <head> [options]
       ${PROGRAM} upstream <manifest.json> [options]
       ${PROGRAM} rules [--format text|markdown|json]
       ${PROGRAM} --version

Classifies the changes between two OpenAPI documents the way a client experiences them.
Run \`${PROGRAM} <command> --help\` for a command's options.

${EXIT_CODES}
`;

/** Whether a report should fail the run at the given threshold. */
export function exceedsThreshold(report: DriftReport, failOn: FailOn): boolean {
  const s = report.summary;
  switch (failOn) {
    case "none":
      return false;
    case "any":
      return s.total > 0;
    case "warning":
      return s.breaking + s.warning > 0;
    default:
      return s.breaking > 0;
  }
}

/** Thrown for a command line that cannot be run; printed as one line plus a hint. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: Command,
  ) {
    super(message);
  }
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code.
 * Never throws: every failure becomes a message on `stderr` and exit code 2.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIO,
  options: CompareOptions = {},
): Promise<number> {
  let command: Command | undefined;
  try {
    const first = argv.find((a) => !a.startsWith("-"));
    if (first !== undefined && first in COMMAND_HELP) command = first as Command;
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f" },
        "fail-on": { type: "string" },
        timeout: { type: "string" },
        levels: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
    if (values.version) {
      io.stdout(`${pkg.version}\n`);
      return 0;
    }
    if (values.help || positionals[0] === "help") {
      const topic = positionals[0] === "help" ? positionals[1] : positionals[0];
      io.stdout(
        topic !== undefined && topic in COMMAND_HELP ? COMMAND_HELP[topic as Command] : USAGE,
      );
      return 0;
    }
    const [name, ...args] = positionals;
    if (name === undefined) throw new UsageError("missing command (compare, upstream or rules)");
    if (command === undefined) {
      throw new UsageError(`unknown command "${name}" (expected compare, upstream or rules)`);
    }
    const format = pick("--format", values.format ?? "text", FORMATS, command);
    if (command === "rules") {
      if (args.length > 0) throw new UsageError("rules takes no arguments", command);
      io.stdout(formatRules(format));
      return 0;
    }
    if (command === "compare" && args.length !== 2) {
      throw new UsageError(`compare takes exactly two documents, got ${args.length}`, command);
    }
    if (command === "upstream" && args.length !== 1) {
      throw new UsageError(`upstream takes exactly one manifest, got ${args.length}`, command);
    }
    const failOn = pick("--fail-on", values["fail-on"] ?? "breaking", FAIL_ON, command);
    const run: CompareOptions = { ...options };
    if (values.levels !== undefined) run.levels = pick("--levels", values.levels, LEVELS, command);
    if (values.timeout !== undefined) {
      const seconds = Number(values.timeout);
      if (!Number.isFinite(seconds) || seconds <= 0) {
        throw new UsageError(
          `--timeout must be a positive number of seconds, got "${values.timeout}"`,
          command,
        );
      }
      run.timeoutMs = Math.round(seconds * 1000);
    }
    const report =
      command === "compare"
        ? await compareSpecs(args[0] as string, args[1] as string, run)
        : await compareUpstream(args[0] as string, run);
    io.stdout(formatReport(report, format));
    return exceedsThreshold(report, failOn) ? 1 : 0;
  } catch (error) {
    if (error instanceof SpecLoadError) {
      io.stderr(`${PROGRAM}: error: ${error.message}\n`);
    } else if (error instanceof UsageError || isArgError(error)) {
      const message = error instanceof UsageError ? error.message : argErrorMessage(error as Error);
      const topic = error instanceof UsageError ? (error.command ?? command) : command;
      io.stderr(`${PROGRAM}: ${message}\nTry \`${PROGRAM} ${topic ? `${topic} ` : ""}--help\`.\n`);
    } else {
      // A bug in this tool must not pass or fail a CI run silently: report it, exit 2.
      io.stderr(
        `${PROGRAM}: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    return 2;
  }
}

function pick<T extends string>(
  flag: string,
  value: string,
  allowed: readonly T[],
  command: Command,
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, got "${value}"`, command);
}

/** Node's parseArgs messages, reduced to their first sentence (they run on with advice). */
function argErrorMessage(error: Error): string {
  const first = error.message.split("\n")[0] ?? error.message;
  const unknown = /^Unknown option '([^']+)'/.exec(first);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /^Option '([^']+)' argument missing/.exec(first);
  if (missing) return `${missing[1]?.replace(/^-\w, /, "").replace(/ <value>$/, "")} needs a value`;
  const positional = /^Unexpected argument '([^']+)'/.exec(first);
  if (positional) return `unexpected argument ${positional[1]}`;
  return first.replace(/\. To specify .*$/, "");
}

function isArgError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

function formatRules(format: ReportFormat): string {
  const rules = Object.values(RULES);
  if (format === "json") return `${JSON.stringify(rules, null, 2)}\n`;
  if (format === "markdown") {
    return `${["| Rule id | Level | Direction | Alters types | Detects |", "| --- | --- | --- | :---: | --- |", ...rules.map((r) => `| \`${r.id}\` | ${r.level} | ${r.direction} | ${r.affectsTypes === "depends" ? "depends" : r.affectsTypes ? "yes" : "no"} | ${r.summary}${r.judged ? ` **Judged:** ${r.judged}` : ""} |`)].join("\n")}\n`;
  }
  return `${rules.map((r) => `${r.level.padEnd(8)} ${r.direction.padEnd(8)} ${r.id}\n         ${r.summary}`).join("\n")}\n`;
}
