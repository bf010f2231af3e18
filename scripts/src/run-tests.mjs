#!/usr/bin/env node
// `pnpm test`: every workspace package's tests through turbo, then one closing line of its own,
// "N passed, N failed", summed from the JSON report each package's vitest writes. Two packages at
// a time (the machine has few cores; the subprocess-heavy reliability suites also run one file at
// a time, see packages/reliability/vitest.config.ts), and every package runs even when another
// fails, so the line counts the whole suite. Extra arguments go to `turbo run test`.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { summarizeReports } from "./test-summary.mjs";
import { listWorkspacePackages } from "./workspace.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const reportDir = await mkdtemp(join(tmpdir(), "heygen-vitest-reports-"));
try {
  const turboStatus = await new Promise((done, fail) => {
    const child = spawn(
      "pnpm",
      ["exec", "turbo", "run", "test", "--concurrency=2", "--continue", ...process.argv.slice(2)],
      {
        cwd: ROOT,
        stdio: "inherit",
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", VITEST_REPORT_DIR: reportDir },
      },
    );
    child.on("error", fail);
    child.on("close", (code) => done(code ?? 1));
  });
  const filtered = process.argv.slice(2).some((arg) => arg.startsWith("--filter"));
  const expected = filtered
    ? []
    : listWorkspacePackages(ROOT)
        .filter((pkg) => pkg.manifest.scripts?.test !== undefined)
        .map((pkg) => basename(pkg.dir));
  const { passed, failed, missing } = await summarizeReports(reportDir, expected);
  for (const name of missing) {
    console.error(`no test report from ${name}: its suite did not run to the end`);
  }
  // turbo failing with every report green (a build, a typecheck step) still fails the run
  const total = failed + (failed === 0 && turboStatus !== 0 ? 1 : 0);
  console.log(`${passed} passed, ${total} failed`);
  process.exitCode = total > 0 ? 1 : 0;
} finally {
  await rm(reportDir, { recursive: true, force: true });
}
