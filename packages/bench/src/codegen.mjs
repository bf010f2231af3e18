import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { compareSlowSteps } from "./harness.mjs";
import { packageFile, repoRoot } from "./paths.mjs";

const run = promisify(execFile);

/**
 * Benchmark 8: `pnpm generate --check` (bundle, correct, validate, generate and compare six
 * files) against bare openapi-typescript turning the same two bundled specs into types.
 * @param {{ rounds: number }} options
 */
export async function benchCodegen({ rounds }) {
  const out = await mkdtemp(join(tmpdir(), "heygen-bench-codegen-"));
  const cli = packageFile("openapi-typescript", "bin/cli.js");
  try {
    return await compareSlowSteps({
      title: "8. Codegen: pnpm generate --check vs bare openapi-typescript (both specs)",
      baseline: "openapi-typescript",
      rounds,
      variants: [
        {
          id: "openapi-typescript",
          label: "bare openapi-typescript x2",
          fn: async () => {
            for (const api of ["v2", "v3"]) {
              await run(process.execPath, [
                cli,
                join(repoRoot, "specs", api, "openapi.json"),
                "-o",
                join(out, `${api}.ts`),
                "--silent",
              ]);
            }
          },
        },
        {
          id: "generate-check",
          label: "pnpm generate --check",
          fn: () => run(process.execPath, [join(repoRoot, "scripts/src/generate.mjs"), "--check"]),
        },
      ],
    });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
