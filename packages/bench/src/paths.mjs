import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const require = createRequire(import.meta.url);

/**
 * The absolute path of a file inside an installed package (resolved from the bench package).
 * @param {string} pkg
 * @param {string} file
 */
export function packageFile(pkg, file) {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}
