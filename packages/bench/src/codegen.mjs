import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { compareSlowSteps } from "./harness.mjs";
import { packageFile, repoRoot } from "./paths.mjs";

const run = promisify(execFile);

/**
 * Benchmark 8: `pnpm generate --check` (bundle, correct, validate, generate the types, the
 * operation registry and the schema aliases, and compare every generated file) against bare
 * openapi-typescript turning the same two bundled specs into types.
 * @param {{ rounds: number }} options
 */
export async function benchCodegen({ rounds }) {
  const out = await mkdtemp(join(tmpdir(), "heygen-bench-codegen-"));
  const cli = packageFile("openapi-typescript", "bin/cli.js");
  const operations = await countOperations();
  try {
    return await compareSlowSteps({
      title: `8. Codegen: pnpm generate --check vs bare openapi-typescript (both specs, ${operations} operations)`,
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

/** The operations of both bundled specs, so the title says what scale was measured. */
async function countOperations() {
  let count = 0;
  for (const api of ["v2", "v3"]) {
    const doc = JSON.parse(await readFile(join(repoRoot, "specs", api, "openapi.json"), "utf8"));
    for (const item of Object.values(doc.paths))
      count += Object.keys(item).filter((k) => k !== "parameters").length;
  }
  return count;
}
