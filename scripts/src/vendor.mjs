#!/usr/bin/env node
// Vendors the upstream docs pages: copies them (with --from) into specs/pages/ untouched, then
// extracts each page's embedded OpenAPI definition, byte for byte, into its upstream file. A
// source vendored as a whole definition (no `page`) is copied with --from and its sha256 is
// checked against the manifest's provenance. Re-running it on the same input changes nothing.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { extractEmbeddedDefinition, runCli, SpecInputError } from "@heygen-openapi/spec-tools";
import { writeFilesAtomically } from "./atomic-write.mjs";
import { readManifest, repoRoot, specsDir } from "./manifest.mjs";
import { parseSpecText } from "./parse.mjs";

/**
 * Vendors pages and extracts their definitions.
 * @param {{ from?: string, dir?: string }} [options] `from`: a folder holding the pages by
 *   their file names; `dir`: the specs folder (default: the repo's)
 * @returns {Promise<string[]>} the files that changed
 */
export async function vendor({ from, dir = specsDir } = {}) {
  const manifest = await readManifest(dir);
  const writes = [];
  for (const source of manifest.sources) {
    if (!source.page) {
      writes.push(await vendorDefinition(source, dir, from));
      continue;
    }
    const target = join(dir, source.page);
    const page = await readPage(from ? join(from, basename(source.page)) : target);
    if (from) writes.push({ path: target, content: page });
    const { text } = extractEmbeddedDefinition(page, source.page);
    parseSpecText(text, source.definition); // fail before writing anything if it does not parse
    writes.push({ path: join(dir, source.definition), content: text });
  }
  /** @type {string[]} */
  const changed = [];
  for (const write of writes) {
    const old = await readFile(write.path, "utf8").catch(() => undefined);
    if (old !== write.content) changed.push(relative(repoRoot, write.path));
  }
  await writeFilesAtomically(writes.filter((w) => changed.includes(relative(repoRoot, w.path))));
  return changed;
}

/**
 * A definition vendored whole: read it (from `from` when that folder holds a file of its name,
 * else the vendored copy) and prove it is the recorded upstream file, byte for byte.
 * @param {import("./manifest.mjs").UpstreamSource} source
 * @param {string} dir
 * @param {string | undefined} from
 */
async function vendorDefinition(source, dir, from) {
  const target = join(dir, source.definition);
  const candidate = from ? join(from, basename(source.definition)) : undefined;
  const text = await readPage(candidate && existsSync(candidate) ? candidate : target);
  const sha256 = createHash("sha256").update(text).digest("hex");
  if (source.provenance && sha256 !== source.provenance.sha256) {
    throw new SpecInputError(
      source.definition,
      `sha256 ${sha256} is not the recorded upstream ${source.provenance.sha256} (update specs/upstream.json's provenance when HeyGen publishes a new definition)`,
    );
  }
  parseSpecText(text, source.definition);
  return { path: target, content: text };
}

/** @param {string} path */
async function readPage(path) {
  try {
    return await readFile(path, "utf8");
  } catch {
    throw new SpecInputError(relative(process.cwd(), path), "cannot read the docs page");
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await runCli(async () => {
    const { values } = parseArgs({ options: { from: { type: "string" } } });
    const changed = await vendor({ from: values.from });
    console.log(
      changed.length ? `vendored: ${changed.join(", ")}` : "vendored specs are up to date",
    );
    return 0;
  });
}
