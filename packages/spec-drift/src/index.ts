export { compareSpecs } from "./compare.js";
export { SpecLoadError, type SpecLoadErrorKind } from "./errors.js";
export { type LoadedSpec, loadSpec, readSpecText } from "./load.js";
export { formatReport, type ReportFormat, summarize } from "./report.js";
export { RULES, type RuleDefinition } from "./rules.js";
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
