#!/usr/bin/env node
// Part of `pnpm lint`: the release metadata every public workspace package must carry, checked
// for each package pnpm finds (never a hand-kept list), so a new package cannot ship without it.
// Exit 1 listing every problem as "<package>: <problem>".
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { binEntries, listWorkspacePackages } from "./workspace.mjs";

/** The Node versions every package supports: the root's `engines.node`. */
export const NODE_RANGE = ">=20.19";
/** Runtime dependency ranges: a caret range on a published package, `workspace:^` on our own. */
const CARET = /^\^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/**
 * The problems with one public package's metadata, each a short sentence naming the field.
 * @param {import("./workspace.mjs").WorkspacePackage} pkg
 * @param {string} root the repository root
 * @param {ReadonlyMap<string, boolean>} internal the workspace's package names, each with
 *   whether it is private
 * @returns {string[]}
 */
export function packageProblems(pkg, root, internal) {
  const m = pkg.manifest;
  const problems = [];
  const directory = relative(root, pkg.dir).split("\\").join("/");
  const repository = typeof m.repository === "object" ? m.repository : undefined;
  if (!repository?.url) problems.push("repository.url is missing");
  if (repository?.directory !== directory)
    problems.push(`repository.directory must be "${directory}"`);
  if (typeof m.homepage !== "string" || !m.homepage) problems.push("homepage is missing");
  const bugs = typeof m.bugs === "object" ? m.bugs.url : m.bugs;
  if (typeof bugs !== "string" || !bugs) problems.push("bugs (url) is missing");
  if (!Array.isArray(m.keywords) || m.keywords.length === 0) problems.push("keywords are missing");
  if (m.license !== "MIT") problems.push('license must be "MIT"');
  if (m.engines?.node !== NODE_RANGE) problems.push(`engines.node must be "${NODE_RANGE}"`);
  if (!m.description) problems.push("description is missing");

  const license = join(pkg.dir, "LICENSE");
  const rootLicense = join(root, "LICENSE");
  if (!existsSync(license)) problems.push("LICENSE is missing (a copy of the root LICENSE)");
  else if (
    existsSync(rootLicense) &&
    readFileSync(license, "utf8") !== readFileSync(rootLicense, "utf8")
  )
    problems.push("LICENSE differs from the root LICENSE");

  for (const field of /** @type {const} */ (["dependencies", "peerDependencies"])) {
    for (const [dep, range] of Object.entries(m[field] ?? {})) {
      if (internal.get(dep) === true) {
        problems.push(`${field}.${dep} is a private package: it is never published`);
      } else if (internal.has(dep)) {
        if (range !== "workspace:^") problems.push(`${field}.${dep} must be "workspace:^"`);
      } else if (!CARET.test(range)) {
        problems.push(`${field}.${dep} must be a caret range (is "${range}")`);
      }
    }
  }

  for (const [name, path] of binEntries(m)) {
    const file = resolve(pkg.dir, path);
    if (relative(pkg.dir, file).startsWith("dist"))
      problems.push(`bin ${name} points into dist/, which a fresh install does not have yet`);
    else if (!existsSync(file)) problems.push(`bin ${name}: ${path} does not exist`);
  }
  return problems;
}

/**
 * Every problem of every public package of the workspace at `root`, plus the root LICENSE.
 * @param {string} root
 * @returns {{ checked: number, problems: string[] }}
 */
export function workspaceProblems(root) {
  const all = listWorkspacePackages(root);
  const internal = new Map(all.map((pkg) => [pkg.name, pkg.manifest.private === true]));
  const publicPackages = all.filter((pkg) => pkg.manifest.private !== true);
  const problems = existsSync(join(root, "LICENSE")) ? [] : ["LICENSE is missing at the root"];
  for (const pkg of publicPackages) {
    for (const problem of packageProblems(pkg, root, internal))
      problems.push(`${pkg.name}: ${problem}`);
  }
  return { checked: publicPackages.length, problems };
}

if (import.meta.filename === process.argv[1]) {
  const { checked, problems } = workspaceProblems(resolve(import.meta.dirname, "../.."));
  for (const problem of problems) console.error(problem);
  console.log(
    problems.length === 0
      ? `package metadata: ${checked} public packages ok`
      : `package metadata: ${problems.length} problem(s)`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
