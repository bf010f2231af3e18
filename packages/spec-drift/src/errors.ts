import { SpecInputError, type SpecInputErrorKind } from "@heygen-openapi/spec-tools";

/** Why a document could not be compared: reading, fetching, parsing, checking it, or a `$ref`. */
export type SpecLoadErrorKind = SpecInputErrorKind;

/**
 * Thrown by `loadSpec` and `compareSpecs` when an input cannot be read, fetched, parsed, or is
 * not an OpenAPI 3.0/3.1 document. The message names the source and what is wrong; the CLI
 * prints it and exits with code 2. It is the spec tooling's one input error type
 * (`SpecInputError`, the same class), so the repository's scripts and this package agree.
 *
 * @example
 * try { await compareSpecs("old.yaml", "new.yaml"); }
 * catch (e) { if (e instanceof SpecLoadError) console.error(e.source, e.kind, e.message); }
 */
export const SpecLoadError = SpecInputError;
/** An instance of {@link SpecLoadError}. */
export type SpecLoadError = SpecInputError;
export { SpecInputError };

/** A `SpecLoadError` for `source`, of the given kind. */
export function specError(
  source: string,
  kind: SpecLoadErrorKind,
  detail: string,
  options: { cause?: unknown } = {},
): SpecInputError {
  return new SpecInputError(source, detail, { kind, ...options });
}
