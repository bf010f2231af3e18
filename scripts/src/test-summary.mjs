#!/usr/bin/env node
// Sums the vitest JSON reports every package wrote during `pnpm test` into the one closing line
// CI reads: "N passed, N failed". A package that failed before writing its report counts as a
// failure, so a broken suite can never look green.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Adds up the reports in `dir`; each name in `expected` without a report counts as one failure.
 * @param {string} dir
 * @param {string[]} expected the report names (package directory names) that must be there
 * @returns {Promise<{ passed: number, failed: number, missing: string[] }>}
 */
export async function summarizeReports(dir, expected) {
  let passed = 0;
  let failed = 0;
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(".json"));
  for (const file of files) {
    const report = JSON.parse(await readFile(join(dir, file), "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    // a suite that failed outside any test (an import, a hook) still fails the run once
    if (
      (report.numTotalTestSuites ?? 0) > 0 &&
      report.numFailedTestSuites > 0 &&
      report.numFailedTests === 0
    )
      failed += 1;
  }
  // errors outside any test (vitest.shared.ts records them; the JSON report leaves them out)
  for (const file of (await readdir(dir).catch(() => [])).filter((f) =>
    f.endsWith(".unhandled-errors"),
  )) {
    failed += Number.parseInt(await readFile(join(dir, file), "utf8"), 10) || 0;
  }
  const missing = expected.filter((name) => !files.includes(`${name}.json`));
  return { passed, failed: failed + missing.length, missing };
}

if (import.meta.filename === process.argv[1]) {
  const [dir, ...expected] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: test-summary.mjs <report-dir> [expected-package ...]");
    process.exit(2);
  }
  const { passed, failed, missing } = await summarizeReports(dir, expected);
  for (const name of missing) {
    console.error(`no test report from ${name}: its suite did not run to the end`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
