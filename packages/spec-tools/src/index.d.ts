export { SpecInputError } from "./errors.js";
export { runCli } from "./run-cli.js";
export type SpecInputErrorKind = import("./errors.js").SpecInputErrorKind;
export type SpecInputWhere = import("./errors.js").SpecInputWhere;
export type EmbeddedFound = import("./pages.js").EmbeddedFound;
export type EmbeddedMissing = import("./pages.js").EmbeddedMissing;
export { extractEmbeddedDefinition, findEmbeddedDefinition, isDocsPage } from "./pages.js";
export { findRefCycle, resolvePointer } from "./ref-cycles.js";
