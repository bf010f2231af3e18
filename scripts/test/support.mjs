import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../src/manifest.mjs";

const run = promisify(execFile);

/**
 * Copies what the spec scripts read and write (specs/ and the types package's generated files)
 * into a temporary root, so a test can break it without touching the checkout.
 * @returns {Promise<{ root: string, dispose: () => Promise<void> }>}
 */
export async function copyCheckout() {
  const root = await mkdtemp(join(tmpdir(), "heygen-specs-"));
  await cp(join(repoRoot, "specs"), join(root, "specs"), { recursive: true });
  for (const dir of ["packages/types/openapi", "packages/types/src/generated"]) {
    await cp(join(repoRoot, dir), join(root, dir), { recursive: true });
  }
  return { root, dispose: () => rm(root, { recursive: true, force: true }) };
}

/**
 * Runs one of the scripts as a CLI and returns its exit code and output.
 * @param {string} script file name under scripts/src
 * @param {string[]} args
 * @param {Record<string, string>} [env] extra environment variables
 */
export async function runScript(script, args, env = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(repoRoot, "scripts/src", script), ...args],
      {
        env: { ...process.env, ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = /** @type {{ code: number, stdout: string, stderr: string }} */ (error);
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
