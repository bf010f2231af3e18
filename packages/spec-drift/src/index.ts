/**
 * @heygen-openapi/spec-drift: classify the differences between two OpenAPI documents the way a
 * client consumer experiences them. `compareSpecs` is the entry point; the `heygen-spec-drift`
 * CLI wraps it.
 *
 * @packageDocumentation
 */
export { compareSpecs } from "./compare.js";
export { SpecInputError, SpecLoadError, type SpecLoadErrorKind } from "./errors.js";
export { type LoadedSpec, loadSpec, readSpecText } from "./load.js";
export { OASDIFF_RULES, type OasdiffId } from "./oasdiff-rules.js";
export { formatReport, type ReportFormat, summarize } from "./report.js";
export {
  type LevelPolicy,
  RULES,
  type RuleArea,
  type RuleDefinition,
  type RuleId,
} from "./rules.js";
export type {
  Change,
  ChangeDirection,
  ChangeLevel,
  CompareOptions,
  DriftReport,
  DriftSummary,
  OpenAPIDocument,
  SpecInput,
} from "./types.js";
export { compareUpstream, type UpstreamSource } from "./upstream.js";
