#!/usr/bin/env node
// @ts-check
// `pnpm specs:update [--from <page-or-definition file | URL | folder of pages>] [--format text|markdown|json]`
//
// Re-vendors HeyGen's upstream pages and its published definition (or the given file), re-applies
// the corrections overlays, regenerates the types, and prints the drift between the old and new
// bundled specs. It reuses
// the repository's scripts (@heygen-openapi/scripts: vendor, bundle, generate) and works on a temporary copy of
// specs/: when a correction no longer finds its target upstream it lists them, prints what moved
// upstream, exits 1 and leaves the repository untouched.
//
// Exit codes: 0 updated (or already up to date), 1 corrections lost their target, 2 bad input or
// offline.
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeFilesAtomically } from "@heygen-openapi/scripts/atomic-write";
import { bundleApi } from "@heygen-openapi/scripts/bundle";
import { APIS, renderGeneratedFiles } from "@heygen-openapi/scripts/generate";
import { readManifest, repoRoot } from "@heygen-openapi/scripts/manifest";
import { StrandedCorrectionsError } from "@heygen-openapi/scripts/overlay";
import { parseSpecText } from "@heygen-openapi/scripts/parse";
import { vendor } from "@heygen-openapi/scripts/vendor";
import { extractEmbeddedDefinition, isDocsPage, SpecInputError } from "@heygen-openapi/spec-tools";
import { parse as parseYaml } from "yaml";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * @typedef {typeof import("../src/index.js")} SpecDrift
 * @typedef {{ root?: string, from?: string, format?: "text" | "markdown" | "json",
 *   lib: SpecDrift, fetch?: typeof fetch, out?: (text: string) => void }} UpdateOptions
 * @typedef {{ code: 0 | 1, written: string[], stranded: string[], report: import("../src/index.js").DriftReport }} UpdateResult
 */

/**
 * Runs the update. Throws SpecInputError / SpecLoadError for bad input (the CLI exits 2).
 * @param {UpdateOptions} options
 * @returns {Promise<UpdateResult>}
 */
export async function updateSpecs({
  root = repoRoot,
  from,
  format = "text",
  lib,
  fetch,
  out = (t) => process.stdout.write(t),
}) {
  const specs = join(root, "specs");
  const manifest = await readManifest(specs);
  // Definitions published whole (no docs page) are re-vendored byte for byte, with a new
  // provenance (where they were read, when, their sha256) that `specs:vendor` checks from then on.
  const wholeSources = manifest.sources.filter((s) => !s.page);
  const work = await mkdtemp(join(tmpdir(), "specs-update-"));
  try {
    const next = join(work, "specs");
    await cp(specs, next, { recursive: true });
    const pages = join(work, "pages");
    await mkdir(pages);
    /** @type {{ source: import("@heygen-openapi/scripts/manifest").UpstreamSource, text: string } | undefined} */
    let rawDefinition;
    /** @type {Array<{ source: import("@heygen-openapi/scripts/manifest").UpstreamSource, text: string, from: string }>} */
    const published = [];
    if (!from) {
      await fetchUpstream(manifest.sources, pages, published, lib, fetch);
    } else if (
      !/^https?:/i.test(from) &&
      (await stat(resolve(from)).catch(() => undefined))?.isDirectory()
    ) {
      await cp(resolve(from), pages, { recursive: true });
      for (const source of wholeSources) {
        const file = join(resolve(from), basename(source.definition));
        const text = await readFile(file, "utf8").catch(() => undefined);
        if (text !== undefined) published.push({ source, text, from: basename(file) });
      }
    } else {
      await cp(join(next, "pages"), pages, { recursive: true });
      const { text } = await lib.readSpecText(from, { fetch });
      const { definition, isPage } = splitPage(text, from);
      const source = await matchSource(manifest.sources, definition, next, from);
      if (source.page) {
        if (isPage) await writeFile(join(pages, basename(source.page)), text);
        else rawDefinition = { source, text: definition };
      } else {
        published.push({
          source,
          text: definition,
          from: /^https?:/i.test(from) ? from : basename(from),
        });
      }
    }
    await revendorPublished(published, next);
    await vendor({ from: pages, dir: next });
    if (rawDefinition) {
      const { source, text } = rawDefinition;
      const asJson = /\.json$/i.test(source.definition) && !text.trimStart().startsWith("{");
      await writeFile(
        join(next, source.definition),
        asJson ? `${JSON.stringify(parseYaml(text), null, 2)}\n` : text,
      );
    }

    const upstream = await compareSources(manifest.sources, specs, next, lib);
    const stranded = [];
    for (const api of APIS) {
      try {
        await bundleApi(api, { dir: next });
      } catch (error) {
        if (error instanceof StrandedCorrectionsError) stranded.push(error.message);
        else throw error;
      }
    }
    if (stranded.length > 0) {
      out(
        `Corrections that no longer find their target upstream (nothing was written):\n${stranded.map((s) => `  - ${s}`).join("\n")}\n\nWhat changed upstream:\n`,
      );
      out(lib.formatReport(upstream, format));
      return { code: 1, written: [], stranded, report: upstream };
    }

    const before = await Promise.all(
      APIS.map(async (api) =>
        JSON.parse(await readFile(join(specs, manifest.apis[api].output), "utf8")),
      ),
    );
    const generated = await renderGeneratedFiles({ specs: next, root });
    await writeFilesAtomically(generated.filter((f) => f.path.startsWith(next)));
    const writes = [
      ...(await changedFiles(next, specs)),
      ...generated.filter((f) => !f.path.startsWith(next)),
    ];
    const written = [];
    const toWrite = [];
    for (const file of writes) {
      const current = await readFile(file.path, "utf8").catch(() => undefined);
      if (current !== file.content) {
        toWrite.push(file);
        written.push(relative(root, file.path));
      }
    }
    await writeFilesAtomically(toWrite);

    const after = await Promise.all(
      APIS.map(async (api) =>
        JSON.parse(await readFile(join(specs, manifest.apis[api].output), "utf8")),
      ),
    );
    const changes = [];
    for (let i = 0; i < APIS.length; i++)
      changes.push(...(await lib.compareSpecs(before[i], after[i])).changes);
    const report = {
      base: "specs (before update)",
      head: "specs (after update)",
      changes,
      summary: lib.summarize(changes),
    };
    out(
      written.length
        ? `Updated ${written.length} file(s):\n${written.map((f) => `  ${f}`).join("\n")}\n\n`
        : "Vendored specs are up to date.\n\n",
    );
    if (format === "json") {
      out(`${JSON.stringify({ written, upstream, bundled: report }, null, 2)}\n`);
    } else {
      out(
        `What changed upstream (vendored definitions, before corrections):\n\n${lib.formatReport(upstream, format)}\n`,
      );
      out(
        `What changed for clients (bundled specs, after corrections):\n\n${lib.formatReport(report, format)}`,
      );
    }
    return { code: 0, written, stranded, report };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Fetches every upstream source: docs pages into `pages`, published definitions into `published`.
 * @param {import("@heygen-openapi/scripts/manifest").UpstreamSource[]} sources
 * @param {string} pages
 * @param {Array<{ source: import("@heygen-openapi/scripts/manifest").UpstreamSource, text: string, from: string }>} published
 * @param {SpecDrift} lib
 * @param {typeof fetch | undefined} fetch
 */
async function fetchUpstream(sources, pages, published, lib, fetch) {
  const failures = [];
  for (const source of sources) {
    try {
      const { text } = await lib.readSpecText(source.url, { fetch });
      if (source.page) await writeFile(join(pages, basename(source.page)), text);
      else published.push({ source, text, from: source.url });
    } catch (error) {
      if (error instanceof SpecInputError && error.kind === "network") failures.push(error.message);
      else throw error;
    }
  }
  if (failures.length > 0) {
    const offline = failures.length === sources.length;
    throw new SpecInputError(
      "specs/upstream.json",
      `${offline ? "cannot reach any upstream source; this machine looks offline (use --from <file> to update from a saved page or definition)" : "cannot reach some upstream sources"}:\n  ${failures.join("\n  ")}`,
      { kind: "network" },
    );
  }
}

/**
 * Writes each newly read published definition byte for byte and records its provenance in the
 * work copy's manifest: where it was read, today's date, its sha256 (the license stays).
 * @param {Array<{ source: import("@heygen-openapi/scripts/manifest").UpstreamSource, text: string, from: string }>} published
 * @param {string} next the work copy of specs/
 */
async function revendorPublished(published, next) {
  if (published.length === 0) return;
  const file = join(next, "upstream.json");
  /** @type {{ sources: Array<Record<string, unknown> & { name: string }> }} */
  const manifest = JSON.parse(await readFile(file, "utf8"));
  for (const { source, text, from } of published) {
    parseSpecText(text, from); // fail naming where it was read, before anything is written
    const sha256 = createHash("sha256").update(text).digest("hex");
    if (sha256 === source.provenance?.sha256) continue;
    await writeFile(join(next, source.definition), text);
    const entry = manifest.sources.find((s) => s.name === source.name);
    if (!entry) continue;
    entry.provenance = {
      retrievedFrom: from,
      date: new Date().toISOString().slice(0, 10),
      ...(source.provenance?.license ? { license: source.provenance.license } : {}),
      sha256,
    };
  }
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * A docs page yields its embedded definition; anything else is taken as a definition itself.
 * @param {string} text
 * @param {string} name
 */
function splitPage(text, name) {
  if (isDocsPage(text))
    return { definition: extractEmbeddedDefinition(text, name).text, isPage: true };
  return { definition: text, isPage: false };
}

/** @param {unknown} doc */
function operationsOf(doc) {
  const ops = new Set();
  const paths =
    doc && typeof doc === "object" ? /** @type {Record<string, any>} */ (doc).paths : undefined;
  for (const [path, item] of Object.entries(paths ?? {})) {
    for (const method of METHODS)
      if (item && typeof item === "object" && method in item)
        ops.add(`${method} ${path.replace(/\{[^}]*\}/g, "{}")}`);
  }
  return ops;
}

/**
 * Finds the manifest source a given definition replaces: the one sharing the most operations.
 * @template {{ definition: string }} S
 * @param {S[]} sources
 * @param {string} definition
 * @param {string} specs
 * @param {string} from
 */
async function matchSource(sources, definition, specs, from) {
  let parsed;
  try {
    parsed = parseYaml(definition);
  } catch (error) {
    throw new SpecInputError(
      from,
      `is neither a docs page nor a JSON/YAML definition (${error instanceof Error ? error.message.split("\n")[0] : error})`,
    );
  }
  const ops = operationsOf(parsed);
  let best;
  let bestScore = 0;
  for (const source of sources) {
    const current = operationsOf(parseYaml(await readFile(join(specs, source.definition), "utf8")));
    const score = [...ops].filter((op) => current.has(op)).length;
    if (score > bestScore) {
      best = source;
      bestScore = score;
    }
  }
  if (!best) {
    throw new SpecInputError(
      from,
      `shares no operation with any source in specs/upstream.json (it has: ${[...ops].join(", ") || "none"})`,
    );
  }
  return best;
}

/**
 * Drift of each vendored upstream definition, old against new (what HeyGen changed).
 * @param {Array<{ definition: string }>} sources
 * @param {string} oldSpecs
 * @param {string} newSpecs
 * @param {SpecDrift} lib
 */
async function compareSources(sources, oldSpecs, newSpecs, lib) {
  const changes = [];
  for (const { definition } of sources) {
    changes.push(
      ...(await lib.compareSpecs(join(oldSpecs, definition), join(newSpecs, definition))).changes,
    );
  }
  return {
    base: "vendored upstream",
    head: "new upstream",
    changes,
    summary: lib.summarize(changes),
  };
}

/**
 * Files under `next` whose content differs from their counterpart under `specs`.
 * @param {string} next
 * @param {string} specs
 */
async function changedFiles(next, specs) {
  const out = [];
  for (const entry of await readdir(next, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const content = await readFile(path, "utf8");
    const target = join(specs, relative(next, path));
    if ((await readFile(target, "utf8").catch(() => undefined)) !== content)
      out.push({ path: target, content });
  }
  return out;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const lib = await import("../dist/index.js");
  try {
    const { values } = parseArgs({
      options: {
        from: { type: "string" },
        format: { type: "string", default: "text" },
        root: { type: "string" },
      },
    });
    if (!["text", "markdown", "json"].includes(values.format ?? ""))
      throw new SpecInputError("--format", "must be text, markdown or json");
    const result = await updateSpecs({
      lib,
      from: values.from,
      root: values.root ? resolve(values.root) : repoRoot,
      format: /** @type {"text" | "markdown" | "json"} */ (values.format),
    });
    process.exitCode = result.code;
  } catch (error) {
    if (
      error instanceof SpecInputError ||
      /** @type {any} */ (error)?.code?.startsWith?.("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`specs:update: error: ${/** @type {Error} */ (error).message}\n`);
    } else {
      process.stderr.write(
        `specs:update: internal error: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
      );
    }
    process.exitCode = 2;
  }
}
