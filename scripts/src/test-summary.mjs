#!/usr/bin/env node
// Sums the vitest JSON reports every package wrote during `.ci/run` into the one closing line
// CI reads: "N passed, N failed". A package that failed before writing its report counts as a
// failure, so a broken suite can never look green.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const [dir, ...expected] = process.argv.slice(2);
if (!dir) {
  console.error("usage: test-summary.mjs <report-dir> [expected-package ...]");
  process.exit(2);
}
let passed = 0;
let failed = 0;
const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(".json"));
for (const file of files) {
  const report = JSON.parse(await readFile(join(dir, file), "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  if (
    (report.numTotalTestSuites ?? 0) > 0 &&
    report.numFailedTestSuites > 0 &&
    report.numFailedTests === 0
  )
    failed += 1;
}
for (const name of expected) {
  if (!files.includes(`${name}.json`)) {
    console.error(`no test report from ${name}: its suite did not run to the end`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
