import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { findRefCycle } from "@heygen-openapi/spec-tools";
import { specError } from "./errors.js";
import { isRecord } from "./json.js";
import type { CompareOptions, OpenAPIDocument } from "./types.js";

type Node = Record<string, unknown>;

/** How deep `$ref`s may lead through other `$ref`s (pointers through them) before it is a loop. */
const MAX_CHAIN = 64;
/** How deep a document may nest objects and arrays. */
const MAX_NESTING = 2_000;

/** What `dereference` needs besides the document: how to read and parse the files it points to. */
export interface DereferenceOptions extends CompareOptions {
  timeoutMs: number;
  /** Parses a referenced file's text (JSON or YAML), as the document itself was parsed. */
  parse: (text: string, source: string) => unknown;
}

/**
 * Resolves every `$ref` of a loaded document in place: JSON pointers into the document, relative
 * files, URLs, and recursion through a schema (kept as an object cycle). Every `$ref` to the same
 * target becomes the same object, so a component is one object wherever it is used; a `$ref` with
 * sibling keywords becomes a copy of its target with those keywords over it. `base` is the
 * document's path or http(s) URL. Two kinds of `$ref` are refused with a `SpecLoadError` of kind
 * `ref`:
 * - from a document fetched over http(s), any `$ref` outside its own origin. Whoever controls that
 *   page must not make the run read a local file (its content would be printed in the report, e.g.
 *   into CI logs) or another host (such as a cloud metadata endpoint). Redirects are not followed.
 * - a chain of `$ref`s that comes back to itself without reaching a schema (`A -> B -> A`). It
 *   defines nothing; compared anyway, it would pass for an empty schema.
 *
 * @example
 * const document = await dereference(parsed, "https://docs.example/spec.json", "spec", { timeoutMs: 15_000, parse });
 */
export async function dereference(
  document: OpenAPIDocument,
  base: string,
  source: string,
  options: DereferenceOptions,
): Promise<OpenAPIDocument> {
  const local = findRefCycle(document);
  if (local) {
    throw specError(source, "ref", `circular $ref ${local.join(" -> ")} never reaches a schema`);
  }
  const root = /^https?:/i.test(base) ? new URL(base) : pathToFileURL(base);
  await new Resolver(root, document, source, options).run();
  return document;
}

/** One resolution: the documents read so far (by URL without fragment) and the objects done. */
class Resolver {
  private readonly origin: string | undefined;
  private readonly documents = new Map<string, Promise<unknown>>();
  private readonly done = new WeakSet<object>();
  private depth = 0;

  constructor(
    private readonly root: URL,
    document: OpenAPIDocument,
    private readonly source: string,
    private readonly options: DereferenceOptions,
  ) {
    this.origin = root.protocol === "file:" ? undefined : root.origin;
    this.documents.set(withoutHash(root), Promise.resolve(document));
  }

  async run(): Promise<void> {
    const document = await this.documents.get(withoutHash(this.root));
    const todo: Array<{ node: Node | unknown[]; url: string; depth: number }> = [];
    if (isRecord(document)) todo.push({ node: document, url: withoutHash(this.root), depth: 0 });
    while (todo.length > 0) {
      const { node, url, depth } = todo.pop() as (typeof todo)[number];
      if (this.done.has(node)) continue;
      this.done.add(node);
      // no real definition comes near this; a hostile one would exhaust the stack further on
      if (depth > MAX_NESTING) {
        throw specError(
          this.source,
          "invalid",
          `nests more than ${MAX_NESTING.toLocaleString("en-US")} levels deep; refused`,
        );
      }
      // an array's entries are its items, keyed by index, so both are walked alike
      for (const [key, value] of Object.entries(node)) {
        if (Array.isArray(value)) {
          todo.push({ node: value, url, depth: depth + 1 });
          continue;
        }
        if (!isRecord(value)) continue;
        const resolved = isRef(value) ? await this.follow(value, url) : { node: value, url };
        Reflect.set(node, key, resolved.node);
        todo.push({ ...resolved, depth: depth + 1 });
      }
    }
  }

  /**
   * The object a `$ref` object stands for (following chains of `$ref`s), and the document it
   * lives in. Siblings of `$ref` are laid over a copy of the target.
   */
  private async follow(ref: Node, from: string): Promise<{ node: Node; url: string }> {
    // pointers through `$ref`s follow them in turn: a loop of those never ends on its own
    if (++this.depth > MAX_CHAIN) {
      throw specError(
        this.source,
        "ref",
        `circular $ref ${String(ref.$ref)} never reaches a schema`,
      );
    }
    try {
      return await this.followChain(ref, from);
    } finally {
      this.depth--;
    }
  }

  private async followChain(ref: Node, from: string): Promise<{ node: Node; url: string }> {
    const seen: string[] = [];
    let current: Node = ref;
    let url = from;
    while (isRef(current)) {
      const target = this.target(String(current.$ref), url);
      if (seen.includes(target.href)) {
        throw specError(
          this.source,
          "ref",
          `circular $ref ${String(current.$ref)} never reaches a schema`,
        );
      }
      seen.push(target.href);
      const document = await this.read(target, String(current.$ref));
      const found = await this.pointer(document, target);
      const value = found.value;
      if (!isRecord(value)) {
        throw specError(
          this.source,
          "ref",
          `cannot resolve a $ref (${display(target)} is not an object)`,
        );
      }
      // the `$ref`s inside the target are relative to the document it was found in
      url = found.url;
      current = value;
    }
    const { $ref: _ref, ...siblings } = ref;
    if (Object.keys(siblings).length === 0) return { node: current, url };
    return { node: { ...current, ...siblings }, url };
  }

  /**
   * The value a JSON pointer fragment (`#/components/schemas/A`) names in a document, and the
   * document it is in: a `$ref` met on the way is followed (`#/components/schemas/A/properties/b`
   * when `A` is a `$ref`, maybe into another file).
   */
  private async pointer(document: unknown, target: URL): Promise<{ value: unknown; url: string }> {
    const missing = () =>
      specError(
        this.source,
        "ref",
        `cannot resolve a $ref (${display(target)}: nothing at ${decodeURIComponent(target.hash) || "#"})`,
      );
    let url = withoutHash(target);
    const fragment = decodeURIComponent(target.hash.replace(/^#/, ""));
    if (fragment === "") return { value: document, url };
    if (!fragment.startsWith("/")) throw missing();
    let value: unknown = document;
    for (const raw of fragment.slice(1).split("/")) {
      const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
      if (isRecord(value) && isRef(value) && !Object.hasOwn(value, key))
        ({ node: value, url } = await this.follow(value, url));
      if (Array.isArray(value) && /^\d+$/.test(key)) value = value[Number(key)];
      else if (isRecord(value) && Object.hasOwn(value, key)) value = value[key];
      else throw missing();
    }
    return { value, url };
  }

  /** The absolute URL a `$ref` points to, refused when a remote document reaches elsewhere. */
  private target(ref: string, from: string): URL {
    let url: URL;
    try {
      url = new URL(ref, from);
    } catch {
      throw specError(
        this.source,
        "ref",
        `cannot resolve a $ref (${ref} is not a valid reference)`,
      );
    }
    if (this.origin !== undefined && url.origin !== this.origin) {
      throw specError(
        this.source,
        "ref",
        `refused the $ref ${display(url)}: a document fetched from ${this.origin} may only $ref that origin`,
      );
    }
    return url;
  }

  /** A referenced document, read once: a local file, or an http(s) URL (no redirects). */
  private read(target: URL, ref: string): Promise<unknown> {
    const key = withoutHash(target);
    let document = this.documents.get(key);
    if (!document) {
      document = this.load(target, ref);
      this.documents.set(key, document);
    }
    return document;
  }

  private async load(target: URL, ref: string): Promise<unknown> {
    const where = display(target);
    let text: string;
    if (target.protocol === "file:") {
      try {
        text = await readFile(fileURLToPath(target), "utf8");
      } catch (error) {
        const why = (error as NodeJS.ErrnoException).code ?? String(error);
        throw specError(this.source, "ref", `cannot resolve a $ref (cannot read ${where}: ${why})`);
      }
    } else if (target.protocol === "http:" || target.protocol === "https:") {
      try {
        const response = await (this.options.fetch ?? globalThis.fetch)(withoutHash(target), {
          redirect: "error",
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        text = await response.text();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw specError(
          this.source,
          "ref",
          `cannot resolve a $ref (cannot fetch ${where}: ${why})`,
        );
      }
    } else {
      throw specError(this.source, "ref", `cannot resolve a $ref (${ref}: unsupported scheme)`);
    }
    return this.options.parse(text, where);
  }
}

function isRef(node: Node): boolean {
  return typeof node.$ref === "string";
}

function withoutHash(url: URL): string {
  return url.href.replace(/#.*$/, "");
}

/** A URL for messages: no credentials, no query string (which may carry tokens). */
function display(url: URL): string {
  if (url.protocol === "file:") return url.href.replace(/#.*$/, "");
  return `${url.protocol}//${url.host}${url.pathname}`;
}
