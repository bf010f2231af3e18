import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SpecInputError } from "@heygen-openapi/spec-tools";

/** The repository root, found from this file's place in `scripts/src/`. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The folder of vendored specs. */
export const specsDir = join(repoRoot, "specs");

/**
 * @typedef {{ repository?: string, commit?: string, path?: string, retrievedFrom?: string, date: string, license?: string, sha256: string }} Provenance
 *   where a definition vendored whole comes from: a repository commit and path, or the URL or file
 *   `pnpm specs:update` read it from; its sha256 is checked by `pnpm specs:vendor`
 * @typedef {{ api: "v2" | "v3", name: string, role: "source" | "cross-check", url: string, urlVerified?: boolean, page?: string, definition: string, license?: string, notice?: string, provenance?: Provenance }} UpstreamSource
 * @typedef {{ api: "v2" | "v3", name: string, page: string, url: string }} GuidePage
 * @typedef {{ overlay: string, output: string }} ApiOutput
 * @typedef {{ sources: UpstreamSource[], guides: GuidePage[], apis: Record<"v2" | "v3", ApiOutput> }} Manifest
 */

/**
 * Reads `specs/upstream.json`, the one list of what is vendored from where.
 * @param {string} [dir] the specs folder (tests point it at a copy)
 * @returns {Promise<Manifest>}
 */
export async function readManifest(dir = specsDir) {
  const file = join(dir, "upstream.json");
  const text = await readFile(file, "utf8").catch(() => {
    throw new SpecInputError(file, "cannot read the vendoring manifest");
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SpecInputError(
      file,
      `invalid JSON: ${error instanceof Error ? error.message : error}`,
    );
  }
}
