// The workspace's packages as pnpm sees them (pnpm-workspace.yaml), so release tooling and lint
// checks derive "every public package" from the workspace instead of a hand-kept list.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A package.json, as far as the release tooling reads it.
 * @typedef {{
 *   name: string,
 *   version: string,
 *   private?: boolean,
 *   bin?: string | Record<string, string>,
 *   scripts?: Record<string, string>,
 *   files?: string[],
 *   license?: string,
 *   repository?: { type?: string, url?: string, directory?: string } | string,
 *   homepage?: string,
 *   bugs?: { url?: string } | string,
 *   keywords?: string[],
 *   engines?: Record<string, string>,
 *   dependencies?: Record<string, string>,
 *   peerDependencies?: Record<string, string>,
 *   peerDependenciesMeta?: Record<string, { optional?: boolean }>,
 *   [key: string]: unknown,
 * }} PackageManifest
 */

/**
 * One workspace package: its directory and its package.json.
 * @typedef {{ name: string, dir: string, manifest: PackageManifest }} WorkspacePackage
 */

/**
 * Every package of the pnpm workspace rooted at `root` (the root package itself excluded), in
 * pnpm's order.
 * @param {string} root
 * @returns {WorkspacePackage[]}
 */
export function listWorkspacePackages(root) {
  const out = execFileSync("pnpm", ["-r", "ls", "--depth", "-1", "--json"], {
    cwd: root,
    encoding: "utf8",
  });
  /** @type {Array<{ name?: string, path: string }>} */
  const listed = JSON.parse(out);
  return listed
    .filter((entry) => entry.path !== root)
    .map((entry) => {
      /** @type {PackageManifest} */
      const manifest = JSON.parse(readFileSync(join(entry.path, "package.json"), "utf8"));
      return { name: manifest.name, dir: entry.path, manifest };
    });
}

/**
 * The packages that get published: every workspace package without `"private": true`.
 * @param {string} root
 * @returns {WorkspacePackage[]}
 */
export function listPublicPackages(root) {
  return listWorkspacePackages(root).filter((pkg) => pkg.manifest.private !== true);
}

/**
 * A package's executables as `[name, path]` pairs (a string `bin` is named after the package).
 * @param {PackageManifest} manifest
 * @returns {Array<[string, string]>}
 */
export function binEntries(manifest) {
  if (manifest.bin === undefined) return [];
  if (typeof manifest.bin === "string") {
    return [[manifest.name.replace(/^@[^/]+\//, ""), manifest.bin]];
  }
  return Object.entries(manifest.bin);
}
