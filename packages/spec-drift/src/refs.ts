import { pathToFileURL } from "node:url";
import {
  $RefParser,
  type FileInfo,
  type HTTPResolverOptions,
  ResolverError,
} from "@apidevtools/json-schema-ref-parser";
import { findRefCycle } from "@heygen-openapi/spec-tools";
import { specError } from "./errors.js";
import type { CompareOptions, OpenAPIDocument } from "./types.js";

/**
 * Resolves every `$ref` of a loaded document in place: relative files, URLs, and recursion through
 * a schema (kept as an object cycle). `base` is the document's path or http(s) URL. Two kinds of
 * `$ref` are refused with a `SpecLoadError` of kind `ref`:
 * - from a document fetched over http(s), any `$ref` outside its own origin. Whoever controls that
 *   page must not make the run read a local file (its content would be printed in the report, e.g.
 *   into CI logs) or another host (such as a cloud metadata endpoint).
 * - a chain of `$ref`s that comes back to itself without reaching a schema (`A -> B -> A`). It
 *   defines nothing; compared anyway, it would pass for an empty schema.
 *
 * @example
 * const document = await dereference(parsed, "https://docs.example/spec.json", "spec", { timeoutMs: 15_000 });
 */
export async function dereference(
  document: OpenAPIDocument,
  base: string,
  source: string,
  options: CompareOptions & { timeoutMs: number },
): Promise<OpenAPIDocument> {
  const local = findRefCycle(document);
  if (local) {
    throw specError(source, "ref", `circular $ref ${local.join(" -> ")} never reaches a schema`);
  }
  const origin = /^https?:/i.test(base) ? new URL(base).origin : undefined;
  let refused: string | undefined;
  const http = origin
    ? sameOrigin(origin, options, (url) => {
        refused ??= url;
      })
    : { timeout: options.timeoutMs };
  let resolved: OpenAPIDocument;
  try {
    resolved = (await new $RefParser().dereference(
      origin ? base : pathToFileURL(base).pathname,
      document,
      {
        mutateInputSchema: true,
        dereference: { circular: true },
        resolve: { external: true, http, ...(origin && { file: false }) },
      },
    )) as OpenAPIDocument;
  } catch (error) {
    if (refused !== undefined) {
      throw specError(
        source,
        "ref",
        `refused the $ref ${refused.split("?")[0]}: a document fetched from ${origin} may only $ref that origin`,
      );
    }
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw specError(source, "ref", `cannot resolve a $ref (${message})`, { cause: error });
  }
  // a loop through other files is only seen now: as a `$ref` the parser could not replace
  for (const node of objects(resolved)) {
    if (typeof node.$ref === "string") {
      throw specError(source, "ref", `circular $ref ${node.$ref} never reaches a schema`);
    }
  }
  return resolved;
}

/**
 * The http(s) resolver for a remote document: it reads only URLs of `origin` (with `options.fetch`,
 * following no redirect, since one could lead anywhere) and reports every other URL it is offered,
 * local files included, to `refuse`.
 */
function sameOrigin(
  origin: string,
  options: CompareOptions & { timeoutMs: number },
  refuse: (url: string) => void,
): HTTPResolverOptions {
  return {
    canRead: (file: FileInfo) => {
      const ok = URL.canParse(file.url) && new URL(file.url).origin === origin;
      if (!ok) refuse(file.url);
      return ok;
    },
    read: async (file: FileInfo) => {
      try {
        const response = await (options.fetch ?? globalThis.fetch)(file.url, {
          redirect: "error",
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return await response.text();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new ResolverError(new Error(`cannot fetch ${file.url.split("?")[0]}: ${why}`));
      }
    },
  };
}

/** Every object reachable from `root`, once each (a parsed input may share objects or hold cycles). */
function* objects(root: unknown): Generator<Record<string, unknown>> {
  const seen = new WeakSet<object>();
  const todo: unknown[] = [root];
  while (todo.length > 0) {
    const node = todo.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    yield node as Record<string, unknown>;
    for (const value of Object.values(node)) todo.push(value);
  }
}
