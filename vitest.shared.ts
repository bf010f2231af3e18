import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import { defineConfig, type ViteUserConfig } from "vitest/config";
import type { Reporter } from "vitest/reporters";

/**
 * Records the run's unhandled errors (which vitest's JSON report leaves out, yet fail the run)
 * as `<name>.unhandled-errors` in the report dir, so the closing line counts them.
 */
function unhandledErrorsReporter(file: string): Reporter {
  return {
    onTestRunEnd(_modules, unhandledErrors) {
      writeFileSync(file, `${unhandledErrors.length}\n`);
    },
  };
}

/**
 * The vitest config every package uses. When `VITEST_REPORT_DIR` is set (by `pnpm test`), each
 * package also writes a JSON report there, so one line can sum up the whole run.
 */
export function defineProjectConfig(dir: string, overrides: ViteUserConfig["test"] = {}) {
  const reportDir = process.env.VITEST_REPORT_DIR;
  const name = basename(dir);
  const reporters: NonNullable<ViteUserConfig["test"]>["reporters"] = reportDir
    ? [
        "default",
        ["json", { outputFile: `${reportDir}/${name}.json` }],
        unhandledErrorsReporter(`${reportDir}/${name}.unhandled-errors`),
      ]
    : ["default"];
  return defineConfig({
    test: {
      root: dir,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      reporters,
      // Tests are bounded by counts and events, never by how fast the machine is: these limits
      // only turn a real hang into a named failure, and no slow run comes near them.
      testTimeout: 600_000,
      hookTimeout: 600_000,
      ...overrides,
    },
  });
}
