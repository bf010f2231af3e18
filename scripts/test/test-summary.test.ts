import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { summarizeReports } from "../src/test-summary.mjs";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heygen-summary-"));
  const report = (passed: number, failed: number, failedSuites = 0) =>
    JSON.stringify({
      numPassedTests: passed,
      numFailedTests: failed,
      numTotalTestSuites: 3,
      numFailedTestSuites: failedSuites,
    });
  await writeFile(join(dir, "client.json"), report(10, 0));
  await writeFile(join(dir, "testing.json"), report(5, 2, 1));
  // a suite that failed outside any test (its import threw): one failure, not zero
  await writeFile(join(dir, "types.json"), report(0, 0, 1));
  // two unhandled errors in a run whose tests all passed
  await writeFile(join(dir, "client.unhandled-errors"), "2\n");
  await writeFile(join(dir, "types.unhandled-errors"), "0\n");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test("sums every report once; a failed suite without failed tests and a missing report each count one, unhandled errors each one", async () => {
  expect(await summarizeReports(dir, ["client", "testing", "types", "reliability"])).toEqual({
    passed: 15,
    failed: 2 + 1 + 2 + 1,
    missing: ["reliability"],
  });
});
