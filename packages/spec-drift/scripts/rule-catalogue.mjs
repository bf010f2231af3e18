// The README's rule catalogue is rendered from `RULES` (src/rules.ts), the one source of the
// rules: `pnpm --filter @heygen-openapi/spec-drift readme` rewrites the table after `pnpm build`,
// and test/report.test.ts fails while the README and the catalogue differ.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeFilesAtomically } from "@heygen-openapi/scripts/atomic-write";

/** Markers around the generated table in README.md. */
export const START = "<!-- rule-catalogue:start (generated from src/rules.ts: pnpm readme) -->";
export const END = "<!-- rule-catalogue:end -->";

/**
 * The catalogue as a Markdown table, one row per rule in catalogue order.
 * @param {Readonly<Record<string, { id: string; level: string; direction: string; affectsTypes: boolean | "depends"; summary: string; judged?: string }>>} rules
 * @returns {string}
 */
export function renderRuleCatalogue(rules) {
  const rows = Object.values(rules).map((rule) => {
    const types = rule.affectsTypes === "depends" ? "depends" : rule.affectsTypes ? "yes" : "no";
    const detects = rule.judged ? `${rule.summary} **Judged:** ${rule.judged}` : rule.summary;
    return `| \`${rule.id}\` | ${rule.level} | ${rule.direction} | ${types} | ${detects.replaceAll("|", "\\|")} |`;
  });
  return [
    "| Rule id | Level | Direction | Alters types | Detects |",
    "| --- | --- | --- | :---: | --- |",
    ...rows,
  ].join("\n");
}

/**
 * Where the generated block of a README starts (after the start marker) and ends (at the end
 * marker), or undefined when a marker is missing.
 * @param {string} readme
 * @returns {{ start: number, end: number } | undefined}
 */
function blockOf(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start < 0 || end < start ? undefined : { start: start + START.length, end };
}

/**
 * The text between the markers of a README, or undefined when a marker is missing.
 * @param {string} readme
 * @returns {string | undefined}
 */
export function catalogueBlock(readme) {
  const block = blockOf(readme);
  return block && readme.slice(block.start, block.end).trim();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { RULES } = await import("../dist/index.js");
  const path = fileURLToPath(new URL("../README.md", import.meta.url));
  const readme = readFileSync(path, "utf8");
  const block = blockOf(readme);
  if (!block) {
    console.error(`README.md: the markers ${START} ... ${END} are missing`);
    process.exit(2);
  }
  const content = `${readme.slice(0, block.start)}\n\n${renderRuleCatalogue(RULES)}\n\n${readme.slice(block.end)}`;
  await writeFilesAtomically([{ path, content }]);
  console.log(`README.md: ${Object.keys(RULES).length} rules`);
}
