/** Why a document could not be compared. */
export type SpecLoadErrorKind = "read" | "network" | "parse" | "invalid" | "ref";

/**
 * Thrown by `loadSpec` and `compareSpecs` when an input cannot be read, fetched, parsed,
 * or is not an OpenAPI 3.0/3.1 document. The message names the source and what is wrong;
 * the CLI prints it and exits with code 2.
 *
 * @example
 * try { await compareSpecs("old.yaml", "new.yaml"); }
 * catch (e) { if (e instanceof SpecLoadError) console.error(e.source, e.kind, e.message); }
 */
export class SpecLoadError extends Error {
  override readonly name = "SpecLoadError";
  /** The file path, URL, or `<document>` that failed. */
  readonly source: string;
  /** Which stage failed. */
  readonly kind: SpecLoadErrorKind;

  constructor(
    source: string,
    kind: SpecLoadErrorKind,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${detail}`, options);
    this.source = source;
    this.kind = kind;
  }
}
