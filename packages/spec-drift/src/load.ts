import { readFile } from "node:fs/promises";
import { resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { findEmbeddedDefinition } from "@heygen-openapi/spec-tools";
import { parse as parseYaml } from "yaml";
import { specError } from "./errors.js";
import { isRecord } from "./json.js";
import { dereference } from "./refs.js";
import type { CompareOptions, OpenAPIDocument, SpecInput } from "./types.js";

/** A loaded, fully dereferenced document plus what is known about where its schemas came from. */
export interface LoadedSpec {
  /** Where the document came from, for messages. */
  source: string;
  /** The dereferenced document; `$ref`s are replaced by the objects they point to (cycles kept). */
  document: OpenAPIDocument;
  /** Component names of schemas defined under `components.schemas`, keyed by the schema object. */
  schemaNames: WeakMap<object, string>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Loads one side of a comparison: reads a file, fetches a URL, or takes a parsed document;
 * extracts the definition from a docs page when needed; checks it is OpenAPI 3.0/3.1; and
 * resolves every `$ref` (internal, relative files, circular). A document fetched over http(s) may
 * only `$ref` its own origin, and a `$ref` chain that loops without reaching a schema is refused.
 *
 * @example
 * const { document } = await loadSpec("specs/v3/openapi.json");
 */
export async function loadSpec(
  input: SpecInput,
  options: CompareOptions = {},
): Promise<LoadedSpec> {
  const cwd = options.cwd ?? process.cwd();
  let source: string;
  let parsed: unknown;
  let refBase: string;
  if (typeof input === "string" || input instanceof URL) {
    const raw = await readSpecText(input, options);
    source = raw.source;
    parsed = parseDefinition(raw.text, source);
    refBase = raw.location;
  } else if (isRecord(input)) {
    source = "<document>";
    parsed = structuredClone(input);
    refBase = resolvePath(cwd, "document.json");
  } else {
    throw specError(
      "<input>",
      "invalid",
      "expected a file path, an http(s) URL or a parsed OpenAPI document",
    );
  }
  const document = checkOpenApi(parsed, source);
  const dereferenced = await dereference(document, refBase, source, {
    ...options,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    parse: parseDefinition,
  });
  return { source, document: dereferenced, schemaNames: collectSchemaNames(dereferenced) };
}

/**
 * Reads the raw text behind a file path or http(s) URL, as `loadSpec` does before parsing.
 * For a URL that serves HTML, the Markdown twin at `<url>.md` (which readme.io and Mintlify
 * publish for every docs page) is fetched instead. Throws `SpecLoadError` naming the source.
 *
 * @example
 * const { text } = await readSpecText("https://docs.heygen.com/reference/photo-avatar-details");
 */
export async function readSpecText(
  input: string | URL,
  options: CompareOptions = {},
): Promise<{ source: string; text: string; location: string }> {
  const text = String(input);
  if (/^https?:\/\//i.test(text)) {
    const source = displayUrl(text);
    return { source, text: await fetchText(text, source, options), location: text };
  }
  const path = text.startsWith("file:")
    ? fileURLToPath(text)
    : resolvePath(options.cwd ?? process.cwd(), text);
  return { source: text, text: await readText(path, text), location: path };
}

async function readText(path: string, source: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "file not found"
        : code === "EISDIR"
          ? "is a directory, not a file"
          : code === "EACCES"
            ? "permission denied"
            : `cannot read file (${code ?? String(error)})`;
    throw specError(source, "read", why, { cause: error });
  }
}

async function fetchText(url: string, source: string, options: CompareOptions): Promise<string> {
  const doFetch = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      headers: {
        accept: "application/json, application/yaml, text/markdown, text/plain;q=0.9, */*;q=0.5",
      },
    });
  } catch (error) {
    throw specError(
      source,
      "network",
      `cannot fetch (${describeNetworkError(error, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)})`,
      {
        cause: error,
      },
    );
  }
  // An answer given up on must still release its connection: an unread body keeps the socket
  // open for as long as the process lives.
  const discard = () => response.body?.cancel().catch(() => undefined);
  if (!response.ok) {
    await discard();
    throw specError(
      source,
      "network",
      `the server answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  // readme.io and Mintlify serve the Markdown of a docs page (with its embedded definition) at `<page>.md`.
  const isHtml = /text\/html/i.test(response.headers.get("content-type") ?? "");
  if (isHtml && !/\.md$/i.test(new URL(url).pathname)) {
    const markdown = new URL(url);
    markdown.pathname = `${markdown.pathname.replace(/\/$/, "")}.md`;
    await discard();
    return fetchText(markdown.href, displayUrl(markdown.href), options);
  }
  try {
    return await response.text();
  } catch (error) {
    throw specError(
      source,
      "network",
      `connection dropped while reading the body (${describeNetworkError(error, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)})`,
    );
  }
}

/** DNS failures: the name could not be looked up, which is what being offline looks like. */
const OFFLINE_CODES = new Set(["ENOTFOUND", "EAI_AGAIN"]);

/** The system error code behind a failed fetch (`ECONNREFUSED`, `ENOTFOUND`, ...), if any. */
export function networkErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, i = 0; e instanceof Error && i < 4; e = e.cause, i++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
  }
  return undefined;
}

/** Whether a failed fetch looks like this machine being offline (no name resolution). */
export function looksOffline(error: unknown): boolean {
  const code = networkErrorCode(error);
  return code !== undefined && OFFLINE_CODES.has(code);
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError")
      return `timed out after ${timeoutMs / 1000} s; raise --timeout`;
    const code = networkErrorCode(error);
    if (code === "ECONNREFUSED") return "connection refused: nothing listens at that address";
    if (code === "ECONNRESET") return "connection reset by the server";
    if (code !== undefined && OFFLINE_CODES.has(code))
      return `host not found (${code}); are you offline?`;
    const cause = error.cause;
    if (cause instanceof Error) return code ? `${code}: ${cause.message}` : cause.message;
    return error.message;
  }
  return String(error);
}

/** Keeps credentials and query strings (which may carry tokens) out of messages. */
function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? "?…" : ""}`;
  } catch {
    return "<url>";
  }
}

/**
 * Parses JSON, YAML, or a docs page embedding the definition in a fenced block (readme.io pages
 * use ```json, Mintlify pages ````yaml with extra words after the language); the page rules are
 * the spec tooling's one extractor, the one `pnpm specs:vendor` uses.
 */
export function parseDefinition(text: string, source: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(trimmed);
    } catch (error) {
      throw specError(source, "parse", `invalid JSON (${(error as Error).message})`);
    }
  }
  const embedded = findEmbeddedDefinition(text, source);
  if (embedded.found) return embedded.value;
  const pageError = () =>
    specError(source, "parse", "the page has code blocks but none holds an OpenAPI definition");
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: 10_000 });
  } catch (error) {
    if (embedded.blocks > 0) throw pageError();
    const reason = (error as Error).message.split("\n")[0];
    throw specError(
      source,
      "parse",
      `neither JSON, YAML nor a page with an embedded definition (${reason})`,
    );
  }
  if (!isRecord(value) && embedded.blocks > 0) throw pageError();
  return value;
}

function checkOpenApi(value: unknown, source: string): OpenAPIDocument {
  if (!isRecord(value)) {
    throw specError(
      source,
      "invalid",
      "not an OpenAPI document (expected an object with an `openapi` field)",
    );
  }
  if ("swagger" in value && !("openapi" in value)) {
    throw specError(
      source,
      "invalid",
      `Swagger ${String(value.swagger)} is not supported; convert it to OpenAPI 3.x first`,
    );
  }
  const version = value.openapi;
  if (typeof version !== "string") {
    throw specError(
      source,
      "invalid",
      "not an OpenAPI document (missing the `openapi` version field)",
    );
  }
  if (!/^3\.[01]\./.test(version) && version !== "3.0" && version !== "3.1") {
    throw specError(
      source,
      "invalid",
      `unsupported OpenAPI version ${version} (3.0 and 3.1 are supported)`,
    );
  }
  // `paths:` with no value is an empty set of paths (oasdiff reads it so too)
  if (value.paths === null) value.paths = {};
  if ("paths" in value && value.paths !== undefined && !isRecord(value.paths)) {
    throw specError(source, "invalid", "`paths` must be an object");
  }
  return value as OpenAPIDocument;
}

function collectSchemaNames(document: OpenAPIDocument): WeakMap<object, string> {
  const names = new WeakMap<object, string>();
  const components = document.components;
  if (isRecord(components) && isRecord(components.schemas)) {
    for (const [name, schema] of Object.entries(components.schemas)) {
      if (isRecord(schema) && !names.has(schema)) names.set(schema, name);
    }
  }
  return names;
}
