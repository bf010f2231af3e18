import type { Change, ChangeLevel, DriftReport, DriftSummary } from "./types.js";

/** Output formats of `formatReport` and the CLI. */
export type ReportFormat = "text" | "markdown" | "json";

/** Counts changes by level; `highest` is the most severe level present. */
export function summarize(changes: readonly Change[]): DriftSummary {
  const count = (level: ChangeLevel) => changes.filter((c) => c.level === level).length;
  const breaking = count("breaking");
  const warning = count("warning");
  const info = count("info");
  return {
    breaking,
    warning,
    info,
    total: changes.length,
    affectsTypes: changes.filter((c) => c.affectsTypes).length,
    operations: new Set(changes.filter((c) => c.operation !== DOCUMENT).map((c) => c.operation))
      .size,
    highest: breaking ? "breaking" : warning ? "warning" : info ? "info" : "none",
  };
}

/**
 * Renders a report as plain text (terminals), Markdown (pull-request comments and
 * `$GITHUB_STEP_SUMMARY`: a summary table, then details by operation) or JSON.
 *
 * @example
 * process.stdout.write(formatReport(await compareSpecs(a, b), "markdown"));
 */
export function formatReport(report: DriftReport, format: ReportFormat = "text"): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  return format === "markdown" ? markdown(report) : text(report);
}

/** `Change.operation` of changes to the document as a whole (components, global settings). */
const DOCUMENT = "*";
const DOCUMENT_LABEL = "whole document";

/** Changes grouped under the operation they touch, document-wide changes as "whole document". */
function byOperation(changes: readonly Change[]): Map<string, Change[]> {
  const out = new Map<string, Change[]>();
  for (const c of changes) {
    const key = c.operation === DOCUMENT ? DOCUMENT_LABEL : c.operation;
    const list = out.get(key) ?? [];
    list.push(c);
    out.set(key, list);
  }
  return out;
}

function headline(report: DriftReport): string {
  const s = report.summary;
  if (s.total === 0) return "No changes.";
  const documentWide = report.changes.some((c) => c.operation === DOCUMENT);
  const where = [
    s.operations > 0 || !documentWide
      ? `${s.operations} operation${s.operations === 1 ? "" : "s"}`
      : "",
    documentWide ? "the document" : "",
  ]
    .filter(Boolean)
    .join(" and ");
  return `${s.breaking} breaking, ${s.warning} warning, ${s.info} info across ${where}; ${s.affectsTypes} alter generated types.`;
}

function text(report: DriftReport): string {
  const lines = [`Spec drift: ${report.base} -> ${report.head}`, headline(report)];
  for (const [operation, changes] of byOperation(report.changes)) {
    lines.push("", operation);
    for (const c of changes) {
      lines.push(`  ${c.level.toUpperCase().padEnd(8)} ${c.id}${c.affectsTypes ? " [types]" : ""}`);
      lines.push(`           ${c.location}: ${c.message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Detail rows in Markdown output; the summary tables always count everything. */
const MARKDOWN_DETAIL_ROWS = 300;

const BADGE: Record<ChangeLevel, string> = {
  breaking: "🔴 breaking",
  warning: "🟠 warning",
  info: "🔵 info",
};

function cell(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ")
    .replace(/</g, "&lt;");
}

function markdown(report: DriftReport): string {
  const s = report.summary;
  const lines = [
    `## API drift: \`${cell(report.base)}\` → \`${cell(report.head)}\``,
    "",
    headline(report),
    "",
    "| Level | Changes |",
    "| --- | ---: |",
    `| ${BADGE.breaking} | ${s.breaking} |`,
    `| ${BADGE.warning} | ${s.warning} |`,
    `| ${BADGE.info} | ${s.info} |`,
    `| alter generated types | ${s.affectsTypes} |`,
  ];
  const groups = byOperation(report.changes);
  if (groups.size > 0) {
    lines.push("", "| Operation | Breaking | Warning | Info |", "| --- | ---: | ---: | ---: |");
    for (const [operation, changes] of groups) {
      const n = (level: ChangeLevel) => changes.filter((c) => c.level === level).length;
      lines.push(`| \`${cell(operation)}\` | ${n("breaking")} | ${n("warning")} | ${n("info")} |`);
    }
  }
  // GitHub caps a step summary at 1 MiB and a comment at 64 KiB: keep the details bounded.
  let budget = MARKDOWN_DETAIL_ROWS;
  let omitted = 0;
  for (const [operation, all] of groups) {
    const changes = all.slice(0, Math.max(budget, 0));
    omitted += all.length - changes.length;
    budget -= changes.length;
    if (changes.length === 0) continue;
    const serious = changes.filter((c) => c.level !== "info");
    const info = changes.filter((c) => c.level === "info");
    lines.push("", `### \`${cell(operation)}\``, "");
    if (serious.length > 0) lines.push(...table(serious));
    if (info.length > 0) {
      lines.push(
        "",
        `<details><summary>${info.length} info change${info.length === 1 ? "" : "s"}</summary>`,
        "",
        ...table(info),
        "",
        "</details>",
      );
    }
  }
  if (omitted > 0) {
    lines.push(
      "",
      `_${omitted} more change${omitted === 1 ? "" : "s"} not shown; run with \`--format json\` for all of them._`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function table(changes: readonly Change[]): string[] {
  return [
    "| Level | Rule | Where | Change | Types |",
    "| --- | --- | --- | --- | :---: |",
    ...changes.map(
      (c) =>
        `| ${BADGE[c.level]} | \`${c.id}\` | ${cell(c.location)} | ${cell(c.message)} | ${c.affectsTypes ? "✓" : ""} |`,
    ),
  ];
}
