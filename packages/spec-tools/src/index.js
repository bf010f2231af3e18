/**
 * @heygen-openapi/spec-tools: the spec tooling the scripts and spec-drift share, in plain ESM so
 * that `pnpm generate` runs it before any build.
 */
export { SpecInputError } from "./errors.js";
export { extractEmbeddedDefinition, findEmbeddedDefinition, isDocsPage } from "./pages.js";
export { findRefCycle, resolvePointer } from "./ref-cycles.js";
export { runCli } from "./run-cli.js";
/** @typedef {import("./errors.js").SpecInputErrorKind} SpecInputErrorKind */
/** @typedef {import("./errors.js").SpecInputWhere} SpecInputWhere */
/** @typedef {import("./pages.js").EmbeddedFound} EmbeddedFound */
/** @typedef {import("./pages.js").EmbeddedMissing} EmbeddedMissing */
