import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { compareSpecs } from "./compare.js";
import { SpecLoadError, specError } from "./errors.js";
import { isRecord } from "./json.js";
import { looksOffline } from "./load.js";
import { summarize } from "./report.js";
import type { Change, CompareOptions, DriftReport } from "./types.js";

/**
 * One vendored definition and the public page or document it was taken from: a docs page with
 * the definition embedded (`page` set: the manifest keeps the page as fetched) or a definition
 * published whole (no `page`: the URL serves the JSON or YAML itself, such as HeyGen's
 * `external-api.json`). Both are compared the same way: the loader extracts an embedded
 * definition and reads a bare one.
 */
export interface UpstreamSource {
  /** Short name for messages. */
  name?: string;
  /** The upstream page or document (http(s) URL). */
  url: string;
  /** The vendored copy, relative to the manifest's folder. */
  definition: string;
  /** The vendored docs page, relative to the manifest's folder; absent for a whole definition. */
  page?: string;
  /** `source`: bundled into its API version; `cross-check`: vendored to check the sources against. */
  role?: "source" | "cross-check";
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
  let offline = 0;
  for (const source of sources) {
    const vendored = resolve(folder, source.definition);
    try {
      const report = await compareSpecs(vendored, source.url, options);
      changes.push(...report.changes);
    } catch (error) {
      if (!(error instanceof SpecLoadError) || error.kind !== "network") throw error;
      unreachable.push(error.message);
      if (looksOffline(error.cause)) offline++;
    }
  }
  if (unreachable.length > 0) {
    const all = unreachable.length === sources.length;
    // "offline" only when no name could be looked up; a refused port or a 500 is the server's doing
    const why = all
      ? `cannot reach any upstream source${offline === sources.length ? "; this machine looks offline" : ""}`
      : `cannot reach ${unreachable.length} of ${sources.length} upstream sources`;
    throw specError(manifestPath, "network", `${why}:\n  ${unreachable.join("\n  ")}`);
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
      "expected `sources`: a non-empty list of { url, definition, page?, role? }",
    );
  }
  return sources.map((s, i) => {
    if (
      !isRecord(s) ||
      typeof s.url !== "string" ||
      !/^https?:\/\//.test(s.url) ||
      typeof s.definition !== "string" ||
      (s.page !== undefined && typeof s.page !== "string") ||
      (s.role !== undefined && s.role !== "source" && s.role !== "cross-check")
    ) {
      throw specError(
        label,
        "invalid",
        `sources[${i}] needs an http(s) \`url\` and a \`definition\` path (\`page\`, when given, is a path; \`role\` is "source" or "cross-check")`,
      );
    }
    return {
      url: s.url,
      definition: s.definition,
      ...(typeof s.name === "string" ? { name: s.name } : {}),
      ...(typeof s.page === "string" ? { page: s.page } : {}),
      ...(s.role === "source" || s.role === "cross-check" ? { role: s.role } : {}),
    };
  });
}
