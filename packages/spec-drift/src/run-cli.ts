import { parseArgs } from "node:util";
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

/** The `--help` text, also printed after a usage error. */
export const USAGE = `Usage: heygen-spec-drift compare <base> <head> [--format text|markdown|json] [--fail-on breaking|warning|any|none]
       heygen-spec-drift upstream <manifest.json> [--format ...] [--fail-on ...]
       heygen-spec-drift rules [--format text|markdown|json]

Compares two OpenAPI 3.0/3.1 documents (file paths or http(s) URLs; JSON, YAML, or a docs page
embedding the definition) and classifies each change as a client consumer experiences it.
\`upstream\` compares each vendored definition listed in a manifest
({ "sources": [{ "url", "definition" }] }) with what its URL serves now.

Exit codes:
  0  no change at or above the --fail-on level (default: breaking)
  1  at least one change at or above the --fail-on level
  2  bad input: unreadable file, invalid spec, network error, unknown option
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

/** Thrown for a command line that cannot be run; the message is shown with the usage. */
class UsageError extends Error {}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code.
 * Never throws: every failure becomes a message on `stderr` and exit code 2.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIO,
  options: CompareOptions = {},
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f" },
        "fail-on": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const format = pick("--format", values.format ?? "text", FORMATS);
    const [command, ...args] = positionals;
    if (command === "rules") {
      io.stdout(formatRules(format));
      return 0;
    }
    if (command !== "compare" && command !== "upstream") {
      throw new UsageError(command ? `unknown command "${command}"` : "missing command");
    }
    if (command === "compare" && args.length !== 2) {
      throw new UsageError(`compare takes exactly two documents, got ${args.length}`);
    }
    if (command === "upstream" && args.length !== 1) {
      throw new UsageError(`upstream takes exactly one manifest, got ${args.length}`);
    }
    const failOn = pick("--fail-on", values["fail-on"] ?? "breaking", FAIL_ON);
    const report =
      command === "compare"
        ? await compareSpecs(args[0] as string, args[1] as string, options)
        : await compareUpstream(args[0] as string, options);
    io.stdout(formatReport(report, format));
    return exceedsThreshold(report, failOn) ? 1 : 0;
  } catch (error) {
    if (error instanceof SpecLoadError) {
      io.stderr(`heygen-spec-drift: error: ${error.message}\n`);
    } else if (error instanceof UsageError || isArgError(error)) {
      io.stderr(`heygen-spec-drift: ${(error as Error).message}\n\n${USAGE}`);
    } else {
      // A bug in this tool must not pass or fail a CI run silently: report it, exit 2.
      io.stderr(
        `heygen-spec-drift: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    return 2;
  }
}

function pick<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
}

function isArgError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

function formatRules(format: ReportFormat): string {
  const rules = Object.values(RULES);
  if (format === "json") return `${JSON.stringify(rules, null, 2)}\n`;
  if (format === "markdown") {
    return `${["| Rule id | Level | Direction | Alters types | Detects |", "| --- | --- | --- | :---: | --- |", ...rules.map((r) => `| \`${r.id}\` | ${r.level} | ${r.direction} | ${r.affectsTypes === "depends" ? "depends" : r.affectsTypes ? "yes" : "no"} | ${r.summary} |`)].join("\n")}\n`;
  }
  return `${rules.map((r) => `${r.level.padEnd(8)} ${r.direction.padEnd(8)} ${r.id}\n         ${r.summary}`).join("\n")}\n`;
}
