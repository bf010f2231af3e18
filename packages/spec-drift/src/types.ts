/** How much a change hurts a client: `breaking` fails existing callers, `warning` may, `info` does not. */
export type ChangeLevel = "breaking" | "warning" | "info";

/**
 * Which side of the exchange a change concerns: what the client sends (`request`), what it
 * receives (`response`), or the operation as a whole (`none`).
 */
export type ChangeDirection = "request" | "response" | "none";

/**
 * One classified difference between two API descriptions.
 *
 * @example
 * { id: "response-became-nullable", level: "breaking", operation: "GET /v3/avatars/{group_id}",
 *   direction: "response", location: "response 200 application/json: data.gender",
 *   message: "data.gender may now be null", affectsTypes: true }
 */
export interface Change {
  /** Stable rule id from the rule catalogue (`RULES`); safe to match on in scripts. */
  id: string;
  /** Severity for a client consumer. */
  level: ChangeLevel;
  /** `METHOD /path` of the affected operation, `webhook NAME`, or `*` for document-wide changes. */
  operation: string;
  /** Whether the change concerns the request, the response, or neither. */
  direction: ChangeDirection;
  /** Where in the operation the change sits, e.g. `request body application/json: items[].name`. */
  location: string;
  /** One sentence a human reads. */
  message: string;
  /** The equivalent oasdiff rule ids, when there are any. */
  oasdiffIds?: string[];
  /** True when types generated from the spec (openapi-typescript) differ because of this change. */
  affectsTypes: boolean;
}

/** Counts over a report's changes. */
export interface DriftSummary {
  /** Number of `breaking` changes. */
  breaking: number;
  /** Number of `warning` changes. */
  warning: number;
  /** Number of `info` changes. */
  info: number;
  /** All changes. */
  total: number;
  /** Changes that alter generated TypeScript types. */
  affectsTypes: number;
  /** Distinct operations touched by at least one change (document-wide changes, operation `*`, are not counted). */
  operations: number;
  /** The highest level present, or `none` when the documents are equivalent. */
  highest: ChangeLevel | "none";
}

/** What `compareSpecs` returns: every change found, ordered by operation then location. */
export interface DriftReport {
  /** Where the base document came from (path, URL or `<document>`). */
  base: string;
  /** Where the head document came from. */
  head: string;
  /** The changes, most severe first within each operation. */
  changes: Change[];
  /** Counts over `changes`. */
  summary: DriftSummary;
}

/** A parsed OpenAPI 3.0 or 3.1 document (a plain JSON object). */
export interface OpenAPIDocument {
  /** `3.0.x` or `3.1.x`. */
  openapi: string;
  [key: string]: unknown;
}

/**
 * A document to compare: a file path, an `http(s)` URL, or an already parsed document.
 * Files and URLs may be JSON, YAML, or a docs page (Markdown) embedding the definition in a
 * fenced ```json / ```yaml block.
 */
export type SpecInput = string | URL | OpenAPIDocument;

/** Options for `compareSpecs` and `loadSpec`. */
export interface CompareOptions {
  /** `fetch` used for URLs and remote `$ref`s; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Per-request timeout for URLs, in milliseconds (default 15000). */
  timeoutMs?: number;
  /** Directory relative paths and relative `$ref`s of parsed documents resolve against (default `process.cwd()`). */
  cwd?: string;
  /**
   * Whose levels to report: `ours` (default) keeps our level on the rules we judge differently
   * from oasdiff (see `RULES[id].judged`); `oasdiff` gives every change that maps to an oasdiff
   * rule oasdiff's level.
   */
  levels?: "ours" | "oasdiff";
}
