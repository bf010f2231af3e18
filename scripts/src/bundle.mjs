import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { findRefCycle, resolvePointer, SpecInputError } from "@heygen-openapi/spec-tools";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { readManifest, specsDir } from "./manifest.mjs";
import { mergeDefinitions } from "./merge.mjs";
import { applyCorrections } from "./overlay.mjs";
import { parseSpecText } from "./parse.mjs";

/**
 * Builds one API version's bundled document: merges its upstream definitions (the manifest's
 * `role: "source"` entries; cross-checks are not bundled), applies its corrections overlay, and
 * validates the result with Redocly's OpenAPI linter (structure and `$ref` resolution). Reads
 * only files under `dir`.
 * @param {"v2" | "v3"} api
 * @param {{ dir?: string }} [options]
 * @returns {Promise<{ document: Record<string, any>, text: string, output: string }>}
 */
export async function bundleApi(api, { dir = specsDir } = {}) {
  const manifest = await readManifest(dir);
  const files = manifest.sources
    .filter((s) => s.api === api && s.role === "source")
    .map((s) => s.definition);
  if (files.length === 0)
    throw new SpecInputError(join(dir, "upstream.json"), `no sources listed for ${api}`);
  const parts = [];
  for (const file of files)
    parts.push({ file: `specs/${file}`, doc: await readSpec(join(dir, file), `specs/${file}`) });
  for (const { file, doc } of parts) assertOpenApiDocument(doc, file);
  const merged = mergeDefinitions(parts);
  const cycle = findRefCycle(merged);
  if (cycle) {
    const [first] = cycle;
    const owner = parts.find(
      (part) => resolvePointer(part.doc, /** @type {string} */ (first)) !== undefined,
    );
    throw new SpecInputError(
      owner?.file ?? `specs/${manifest.apis[api].output}`,
      `circular $ref that never reaches a schema: ${cycle.join(" -> ")}`,
      {
        pointer: first?.slice(1),
      },
    );
  }
  const { overlay: overlayFile, output } = manifest.apis[api];
  const overlay = await readSpec(join(dir, overlayFile), `specs/${overlayFile}`);
  const document = await applyCorrections(merged, overlay, `specs/${overlayFile}`);
  const text = `${JSON.stringify(document, null, 2)}\n`;
  await assertValidOpenApi(text, `specs/${output}`);
  return { document, text, output: join(dir, output) };
}

/**
 * @param {string} path
 * @param {string} label
 */
async function readSpec(path, label) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new SpecInputError(label, "cannot read the file");
  }
  return /** @type {Record<string, any>} */ (parseSpecText(text, label));
}

/**
 * @param {unknown} doc
 * @param {string} file
 */
function assertOpenApiDocument(doc, file) {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new SpecInputError(file, "is not an OpenAPI document (expected an object at the top)");
  }
  const version = /** @type {Record<string, unknown>} */ (doc).openapi;
  if (typeof version !== "string" || !/^3\.[01]\./.test(version)) {
    throw new SpecInputError(
      file,
      `expected OpenAPI 3.0 or 3.1, found openapi: ${JSON.stringify(version)}`,
    );
  }
}

let configPromise;

/**
 * Lints the bundled text with Redocly's structural rules and `$ref` resolution; the first
 * error becomes a SpecInputError naming the JSON pointer.
 * @param {string} text
 * @param {string} label
 */
async function assertValidOpenApi(text, label) {
  configPromise ??= createConfig({ rules: { struct: "error", "no-unresolved-refs": "error" } });
  let problems;
  try {
    problems = await lintFromString({
      source: text,
      absoluteRef: label,
      config: await configPromise,
    });
  } catch (error) {
    // Redocly throws, rather than reports, a $ref chain that only leads back to itself
    const message = error instanceof Error ? error.message : String(error);
    throw new SpecInputError(
      label,
      `invalid OpenAPI: ${/circular/i.test(message) ? `circular $ref (${message})` : message}`,
    );
  }
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    const first = errors[0];
    const pointer = first?.location[0]?.pointer?.replace(/^#/, "");
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    throw new SpecInputError(label, `invalid OpenAPI: ${first?.message}${more}`, { pointer });
  }
}
