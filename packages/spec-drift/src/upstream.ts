import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { compareSpecs } from "./compare.js";
import { SpecLoadError, specError } from "./errors.js";
import { isRecord } from "./json.js";
import { summarize } from "./report.js";
import type { Change, CompareOptions, DriftReport } from "./types.js";

/** One vendored definition and the public page or document it was taken from. */
export interface UpstreamSource {
  /** Short name for messages. */
  name?: string;
  /** The upstream page or document (http(s) URL). */
  url: string;
  /** The vendored copy, relative to the manifest's folder. */
  definition: string;
}

/**
 * Compares every vendored definition listed in a manifest (`{ "sources": [{ "url", "definition" }] }`,
 * the shape of this repo's `specs/upstream.json`) with what its upstream URL serves now, and
 * merges the results into one report (base: vendored, head: upstream). When some URL cannot be
 * reached, throws one `SpecLoadError` of kind `network` that lists them and says the machine
 * looks offline.
 *
 * @example
 * const report = await compareUpstream("specs/upstream.json");
 */
export async function compareUpstream(
  manifestPath: string,
  options: CompareOptions = {},
): Promise<DriftReport> {
  const file = resolve(options.cwd ?? process.cwd(), manifestPath);
  const sources = await readManifest(file, manifestPath);
  const folder = dirname(file);
  const changes: Change[] = [];
  const unreachable: string[] = [];
  for (const source of sources) {
    const vendored = resolve(folder, source.definition);
    try {
      const report = await compareSpecs(vendored, source.url, options);
      changes.push(...report.changes);
    } catch (error) {
      if (error instanceof SpecLoadError && error.kind === "network")
        unreachable.push(error.message);
      else throw error;
    }
  }
  if (unreachable.length > 0) {
    const all = unreachable.length === sources.length;
    throw specError(
      manifestPath,
      "network",
      `${all ? "cannot reach any upstream source; this machine looks offline" : `cannot reach ${unreachable.length} of ${sources.length} upstream sources`}:\n  ${unreachable.join("\n  ")}`,
    );
  }
  const base = relative(options.cwd ?? process.cwd(), folder) || ".";
  return { base: `${base} (vendored)`, head: "upstream", changes, summary: summarize(changes) };
}

async function readManifest(file: string, label: string): Promise<UpstreamSource[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw specError(
      label,
      code ? "read" : "parse",
      code === "ENOENT"
        ? "manifest not found"
        : `cannot read the manifest (${(error as Error).message})`,
    );
  }
  const sources = isRecord(parsed) ? parsed.sources : undefined;
  if (!Array.isArray(sources) || sources.length === 0) {
    throw specError(
      label,
      "invalid",
      "expected `sources`: a non-empty list of { url, definition }",
    );
  }
  return sources.map((s, i) => {
    if (
      !isRecord(s) ||
      typeof s.url !== "string" ||
      !/^https?:\/\//.test(s.url) ||
      typeof s.definition !== "string"
    ) {
      throw specError(
        label,
        "invalid",
        `sources[${i}] needs an http(s) \`url\` and a \`definition\` path`,
      );
    }
    return {
      url: s.url,
      definition: s.definition,
      ...(typeof s.name === "string" ? { name: s.name } : {}),
    };
  });
}
