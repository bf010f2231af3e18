import { OASDIFF_RULES, type OasdiffId } from "./oasdiff-rules.js";
import type { Change, ChangeDirection, ChangeLevel } from "./types.js";

/** What part of a document a rule looks at. */
export type RuleArea =
  | "paths"
  | "security"
  | "parameters"
  | "request-body"
  | "responses"
  | "headers"
  | "schema";

/** One entry of the rule catalogue. */
export interface RuleDefinition {
  /** Stable id reported in `Change.id` (ours: oasdiff's ids are in `Change.oasdiffIds`). */
  id: string;
  /**
   * Our level for the rule. A change that maps to an oasdiff rule takes oasdiff's level for it
   * instead, unless the rule is `judged`.
   */
  level: ChangeLevel;
  /** Direction every change of this rule gets. */
  direction: ChangeDirection;
  /** What part of a document the rule looks at. */
  area: RuleArea;
  /** Whether changes of this rule alter generated TypeScript types (`depends`: on the keyword). */
  affectsTypes: boolean | "depends";
  /** What the rule detects, for the README and `--help`. */
  summary: string;
  /**
   * Set when we judge a change differently from oasdiff on purpose: why. The change keeps our
   * level (`--levels oasdiff` gives oasdiff's).
   */
  judged?: string;
}

/**
 * The rule catalogue, every id `compareSpecs` can report. All of these ids are ours; the oasdiff
 * rule a change corresponds to, if any, is in its `oasdiffIds` (see `OASDIFF_RULES`). Ids are
 * stable across releases; new rules get new ids.
 */
const CATALOGUE = {
  "operation-removed": {
    level: "breaking",
    direction: "none",
    affectsTypes: true,
    summary: "An operation (or its whole path) was removed.",
    area: "paths",
  },
  "operation-removed-before-sunset": {
    level: "breaking",
    direction: "none",
    affectsTypes: true,
    summary: "A deprecated operation was removed before its x-sunset date.",
    area: "paths",
  },
  "operation-removed-deprecated": {
    level: "warning",
    direction: "none",
    affectsTypes: true,
    summary: "An operation that was already deprecated was removed.",
    area: "paths",
  },
  "operation-added": {
    level: "info",
    direction: "none",
    affectsTypes: true,
    summary: "A new operation.",
    area: "paths",
  },
  "operation-deprecated": {
    level: "info",
    direction: "none",
    affectsTypes: false,
    summary: "An operation became deprecated (or stopped being).",
    area: "paths",
  },
  "operation-id-changed": {
    level: "breaking",
    direction: "none",
    affectsTypes: true,
    summary:
      "The operationId changed or was removed: names generated from it move (breaking); one given where there was none is info.",
    area: "paths",
  },
  "operation-docs-changed": {
    level: "info",
    direction: "none",
    affectsTypes: false,
    summary: "Summary, description or tags of an operation changed.",
    area: "paths",
  },
  "security-tightened": {
    level: "breaking",
    direction: "request",
    affectsTypes: false,
    summary: "A security requirement was added: credentials that worked may no longer be enough.",
    area: "security",
    judged:
      "oasdiff reports a new security requirement as `api-security-added` at INFO (it widens what the operation documents). A client whose credentials met the old requirement may be refused under the new one, so we call it breaking.",
  },
  "security-relaxed": {
    level: "info",
    direction: "request",
    affectsTypes: false,
    summary: "A security requirement was removed or made optional.",
    area: "security",
  },
  "component-schema-removed": {
    level: "info",
    direction: "none",
    affectsTypes: true,
    summary:
      "A schema was removed from `components.schemas`: code that names its generated type stops compiling (what the operations that used it lose is reported there).",
    area: "schema",
  },
  "security-global-changed": {
    level: "info",
    direction: "none",
    affectsTypes: false,
    summary:
      "The document's global `security` list changed: a requirement or a scope added or removed (what it means for each operation is reported there).",
    area: "security",
    judged:
      "oasdiff reports a removed global requirement (`api-global-security-removed`) and an added global scope at ERR. The global list applies to the operations that do not set their own, and each of those is judged on its own (`security-tightened`, `security-relaxed`), so the document-level change is info.",
  },
  "security-scheme-added": {
    level: "info",
    direction: "none",
    affectsTypes: false,
    summary: "A security scheme was added to `components.securitySchemes`.",
    area: "security",
  },
  "security-scheme-removed": {
    level: "info",
    direction: "none",
    affectsTypes: false,
    summary:
      "A security scheme was removed from `components.securitySchemes` (operations that still require it are reported on their own).",
    area: "security",
  },
  "security-scheme-credentials-changed": {
    level: "breaking",
    direction: "none",
    affectsTypes: false,
    summary:
      "A security scheme's credentials travel differently: its type, an apiKey's name or place, or an http scheme changed.",
    area: "security",
    judged:
      "oasdiff reports a changed scheme type as `api-security-component-type-changed` at INFO and does not check an apiKey's name or place. A client sending its credentials as before (an `x-api-key` header, a bearer token) is refused, so we call it breaking.",
  },
  "security-scheme-changed": {
    level: "info",
    direction: "none",
    affectsTypes: false,
    summary:
      "An OAuth flow of a security scheme changed: a URL, or a scope added, removed or redescribed.",
    area: "security",
  },
  "webhook-removed": {
    level: "breaking",
    direction: "none",
    affectsTypes: true,
    summary: "A webhook was removed.",
    area: "paths",
  },
  "webhook-added": {
    level: "info",
    direction: "none",
    affectsTypes: true,
    summary: "A new webhook.",
    area: "paths",
  },
  "request-parameter-added-required": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A new required parameter or header.",
    area: "parameters",
  },
  "request-parameter-added-optional": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "A new optional parameter or header.",
    area: "parameters",
  },
  "request-parameter-removed-before-sunset": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A deprecated parameter was removed before its x-sunset date.",
    area: "parameters",
  },
  "request-parameter-removed": {
    level: "warning",
    direction: "request",
    affectsTypes: true,
    summary: "A parameter was removed; servers usually ignore it, but behaviour may change.",
    area: "parameters",
  },
  "request-parameter-became-required": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "An optional parameter became required.",
    area: "parameters",
  },
  "request-parameter-became-optional": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "A required parameter became optional.",
    area: "parameters",
  },
  "request-parameter-default-changed": {
    level: "breaking",
    direction: "request",
    affectsTypes: false,
    summary: "A parameter's default changed: callers that omit it get different behaviour.",
    area: "parameters",
  },
  "request-parameter-style-changed": {
    level: "breaking",
    direction: "request",
    affectsTypes: false,
    summary: "A parameter's serialisation (style, explode) changed.",
    area: "parameters",
  },
  "request-body-added-required": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A required request body was added.",
    area: "request-body",
  },
  "request-body-added-optional": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "An optional request body was added.",
    area: "request-body",
  },
  "request-body-removed": {
    level: "warning",
    direction: "request",
    affectsTypes: true,
    summary: "The request body was removed.",
    area: "request-body",
  },
  "request-body-became-required": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "The request body became required.",
    area: "request-body",
  },
  "request-body-became-optional": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "The request body became optional.",
    area: "request-body",
  },
  "request-media-type-removed": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A request media type is no longer accepted.",
    area: "request-body",
  },
  "request-media-type-added": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "A request media type was added.",
    area: "request-body",
  },
  "response-success-status-removed": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary: "A success (2xx/3xx) response status was removed.",
    area: "schema",
  },
  "response-status-removed": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A non-success response status was removed.",
    area: "responses",
  },
  "response-status-added": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A response status was added.",
    area: "responses",
  },
  "response-media-type-removed": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary: "A response media type was removed.",
    area: "responses",
  },
  "response-media-type-added": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A response media type was added.",
    area: "responses",
  },
  "response-required-header-removed": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary: "A required response header was removed.",
    area: "schema",
  },
  "response-optional-header-removed": {
    level: "warning",
    direction: "response",
    affectsTypes: true,
    summary: "An optional response header was removed.",
    area: "schema",
  },
  "response-header-became-optional": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary: "A required response header became optional.",
    area: "headers",
  },
  "response-header-added": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A response header was added.",
    area: "headers",
  },
  "request-type-changed": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A request value's type changed to an unrelated one.",
    area: "schema",
  },
  "request-type-narrowed": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary:
      "A request value accepts fewer types (e.g. number to integer, a type dropped from a list).",
    area: "schema",
  },
  "request-type-widened": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "A request value accepts more types.",
    area: "schema",
  },
  "request-type-compatible": {
    level: "info",
    direction: "request",
    affectsTypes: false,
    summary: "A type changed in a non-JSON (e.g. XML) body where the wire form is the same.",
    area: "schema",
  },
  "request-became-not-nullable": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A request value no longer accepts null (nullable, type list or null branch).",
    area: "schema",
  },
  "request-became-nullable": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "A request value now accepts null.",
    area: "schema",
  },
  "request-became-enum": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A request value became restricted to an enum.",
    area: "schema",
  },
  "request-enum-value-removed": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "An enum value is no longer accepted in a request.",
    area: "schema",
  },
  "request-enum-value-added": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "An enum value was added to a request value.",
    area: "schema",
  },
  "request-enum-removed": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "A request value is no longer restricted to an enum.",
    area: "schema",
  },
  "request-const-changed": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A request value's const changed.",
    area: "schema",
  },
  "request-const-added": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A request value became a const.",
    area: "schema",
  },
  "request-const-removed": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "A request value is no longer a const.",
    area: "schema",
  },
  "request-property-added-required": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A new required property in a request body.",
    area: "schema",
  },
  "request-property-added-optional": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "A new optional property in a request body.",
    area: "schema",
  },
  "request-property-removed": {
    level: "warning",
    direction: "request",
    affectsTypes: true,
    summary: "A request property was removed; servers usually ignore it.",
    area: "schema",
  },
  "request-property-removed-closed": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A request property was removed from an object that forbids additional properties.",
    area: "schema",
    judged:
      "oasdiff reports any removed request property as `request-property-removed` at WARN. When the object forbids additional properties, a client still sending the property is refused, so we call it breaking.",
  },
  "request-property-became-required": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "An optional request property became required.",
    area: "schema",
  },
  "request-property-became-optional": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "A required request property became optional.",
    area: "schema",
  },
  "request-branch-removed": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary: "A oneOf/anyOf alternative is no longer accepted in a request.",
    area: "schema",
  },
  "request-all-of-member-added": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary:
      "A request schema gained an allOf part: every part must match, so a body valid before may now be rejected (an annotation-only part is info).",
    area: "schema",
  },
  "request-all-of-member-removed": {
    level: "warning",
    direction: "request",
    affectsTypes: true,
    summary:
      "A request schema lost an allOf part: the server no longer states what that part required (an annotation-only part is info).",
    area: "schema",
  },
  "request-media-type-schema-added": {
    level: "breaking",
    direction: "request",
    affectsTypes: true,
    summary:
      "A request media type that took any value got a schema (or an itemSchema): bodies sent before may not fit it.",
    area: "request-body",
  },
  "request-media-type-schema-removed": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "A request media type lost its schema (or itemSchema): any value is accepted.",
    area: "request-body",
  },
  "request-branch-added": {
    level: "info",
    direction: "request",
    affectsTypes: true,
    summary: "A oneOf/anyOf alternative was added to a request value.",
    area: "schema",
  },
  "request-constraint-tightened": {
    level: "breaking",
    direction: "request",
    affectsTypes: "depends",
    summary:
      "A request limit got stricter (min up, max down, maxItems down, pattern/format added, additionalProperties closed...).",
    area: "schema",
  },
  "request-constraint-relaxed": {
    level: "info",
    direction: "request",
    affectsTypes: "depends",
    summary: "A request limit got looser.",
    area: "schema",
  },
  "request-constraint-changed": {
    level: "warning",
    direction: "request",
    affectsTypes: false,
    summary:
      "A request pattern, format or multipleOf changed in a way that is neither looser nor stricter.",
    area: "schema",
  },
  "request-format-changed": {
    level: "warning",
    direction: "request",
    affectsTypes: false,
    summary:
      "A request string's format was added, changed or removed; servers that validate formats may reject values they accepted.",
    area: "schema",
  },
  "request-encoding-changed": {
    level: "breaking",
    direction: "request",
    affectsTypes: false,
    summary: "A string's contentEncoding or contentMediaType changed.",
    area: "schema",
  },
  "request-default-changed": {
    level: "warning",
    direction: "request",
    affectsTypes: false,
    summary: "A request property's default changed.",
    area: "schema",
  },
  "request-access-changed": {
    level: "warning",
    direction: "request",
    affectsTypes: false,
    summary: "readOnly/writeOnly changed on a request property.",
    area: "schema",
  },
  "response-type-changed": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary: "A response value's type changed to an unrelated one.",
    area: "schema",
  },
  "response-type-widened": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary: "A response value may have more types than before.",
    area: "schema",
  },
  "response-type-narrowed": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A response value has fewer possible types.",
    area: "schema",
  },
  "response-type-compatible": {
    level: "info",
    direction: "response",
    affectsTypes: false,
    summary: "A type changed in a non-JSON (e.g. XML) body where the wire form is the same.",
    area: "schema",
  },
  "response-became-nullable": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary: "A response value may now be null (nullable, type list or null branch).",
    area: "schema",
  },
  "response-became-not-nullable": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A response value is no longer null.",
    area: "schema",
  },
  "response-enum-value-added": {
    level: "warning",
    direction: "response",
    affectsTypes: true,
    summary: "A response enum gained a value: exhaustive switches and strict clients break.",
    area: "schema",
  },
  "response-enum-value-removed": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A response enum lost a value.",
    area: "schema",
  },
  "response-became-enum": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A response value became restricted to an enum.",
    area: "schema",
  },
  "response-enum-removed": {
    level: "warning",
    direction: "response",
    affectsTypes: true,
    summary: "A response value is no longer restricted to an enum.",
    area: "schema",
  },
  "response-const-changed": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary: "A response value's const changed.",
    area: "schema",
  },
  "response-const-added": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A response value became a const.",
    area: "schema",
  },
  "response-const-removed": {
    level: "warning",
    direction: "response",
    affectsTypes: true,
    summary: "A response value is no longer a const.",
    area: "schema",
  },
  "response-property-added": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A new response property.",
    area: "schema",
  },
  "response-required-property-removed": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary: "A required response property was removed.",
    area: "schema",
  },
  "response-optional-property-removed": {
    level: "warning",
    direction: "response",
    affectsTypes: true,
    summary: "An optional response property was removed.",
    area: "schema",
  },
  "response-property-became-optional": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary: "A required response property became optional.",
    area: "schema",
  },
  "response-property-became-required": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "An optional response property became required.",
    area: "schema",
  },
  "response-all-of-member-added": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary:
      "A response schema gained an allOf part: responses must match it too (what it adds is reported by the property rules).",
    area: "schema",
  },
  "response-all-of-member-removed": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary:
      "A response schema lost an allOf part (what it took away is reported by the property rules).",
    area: "schema",
  },
  "response-media-type-schema-added": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A response media type that could hold anything got a schema (or an itemSchema).",
    area: "responses",
  },
  "response-media-type-schema-removed": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary:
      "A response media type lost its schema (or itemSchema): it may now hold anything, which the client's types do not say.",
    area: "responses",
  },
  "response-branch-added": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary: "A response value gained a oneOf/anyOf alternative (or was wrapped in one).",
    area: "schema",
    judged:
      "oasdiff 4553c69 reports an alternative added to a response anyOf (`response-body-any-of-added`, `response-property-any-of-added`) at INFO; later oasdiff raised it to ERR. A response may now hold only the new alternative, a shape the client's types lack, so we call it breaking (a oneOf alternative is ERR in oasdiff too).",
  },
  "response-branch-removed": {
    level: "info",
    direction: "response",
    affectsTypes: true,
    summary: "A response oneOf/anyOf alternative was removed.",
    area: "schema",
  },
  "response-shape-widened": {
    level: "breaking",
    direction: "response",
    affectsTypes: true,
    summary:
      "A response object or array may hold more than the client's types allow (additionalProperties opened, items or tuple schema dropped).",
    area: "schema",
  },
  "response-constraint-relaxed": {
    level: "warning",
    direction: "response",
    affectsTypes: false,
    summary:
      "A response validation keyword got looser (limits, pattern, contains, dependentRequired...): types are unchanged, strict validators may reject new values.",
    area: "schema",
    judged:
      "oasdiff reports a looser response bound (`response-body-max-increased`, `response-property-min-length-decreased`, ...) at ERR. The generated types do not change and a client that does not validate responses sees nothing, so we call it a warning; run with `--levels oasdiff` for oasdiff's level.",
  },
  "response-structure-relaxed": {
    level: "breaking",
    direction: "response",
    affectsTypes: false,
    summary:
      "A JSON Schema 2020 keyword of a response was removed (contains, if/then/else, dependentRequired, dependentSchemas, propertyNames, patternProperties, unevaluated*): values of a shape the client never saw may now arrive.",
    area: "schema",
  },
  "response-constraint-tightened": {
    level: "info",
    direction: "response",
    affectsTypes: "depends",
    summary: "A response limit got stricter.",
    area: "schema",
  },
  "response-constraint-changed": {
    level: "warning",
    direction: "response",
    affectsTypes: false,
    summary:
      "A response pattern, format or multipleOf changed in a way that is neither looser nor stricter.",
    area: "schema",
  },
  "response-format-changed": {
    level: "warning",
    direction: "response",
    affectsTypes: false,
    summary:
      "A response string's format was added, changed or removed; clients that parse by format (dates, URIs) may need to adapt.",
    area: "schema",
  },
  "response-encoding-changed": {
    level: "breaking",
    direction: "response",
    affectsTypes: false,
    summary: "A string's contentEncoding or contentMediaType changed.",
    area: "schema",
  },
  "response-default-changed": {
    level: "info",
    direction: "response",
    affectsTypes: false,
    summary: "A response property's default changed.",
    area: "schema",
  },
  "response-access-changed": {
    level: "warning",
    direction: "response",
    affectsTypes: false,
    summary: "readOnly/writeOnly changed on a response property.",
    area: "schema",
  },
  "request-docs-changed": {
    level: "info",
    direction: "request",
    affectsTypes: false,
    summary: "Description, title or example of a request value changed.",
    area: "schema",
  },
  "response-docs-changed": {
    level: "info",
    direction: "response",
    affectsTypes: false,
    summary: "Description, title or example of a response value changed.",
    area: "schema",
  },
  "request-discriminator-changed": {
    level: "info",
    direction: "request",
    affectsTypes: false,
    summary: "A request discriminator changed.",
    area: "schema",
  },
  "response-discriminator-changed": {
    level: "info",
    direction: "response",
    affectsTypes: false,
    summary: "A response discriminator changed.",
    area: "schema",
  },
  "request-deprecated": {
    level: "info",
    direction: "request",
    affectsTypes: false,
    summary: "A request value or parameter became deprecated (or stopped being).",
    area: "schema",
  },
  "response-deprecated": {
    level: "info",
    direction: "response",
    affectsTypes: false,
    summary: "A response value became deprecated (or stopped being).",
    area: "schema",
  },
} as const satisfies Record<string, Omit<RuleDefinition, "id">>;

/** A rule id of the catalogue. */
export type RuleId = keyof typeof CATALOGUE;

/**
 * The rule catalogue: every id `compareSpecs` can report, with its level, direction and area.
 *
 * @example
 * RULES["response-became-nullable"].level; // "breaking"
 */
export const RULES: Readonly<Record<RuleId, RuleDefinition>> = Object.freeze(
  Object.fromEntries(
    Object.entries(CATALOGUE).map(([id, rule]) => [id, Object.freeze({ id, ...rule })]),
  ) as Record<RuleId, RuleDefinition>,
);

/** Whose levels a comparison reports: ours (the default) or oasdiff's wherever a change maps to one. */
export type LevelPolicy = "ours" | "oasdiff";

/** Fields a comparison supplies; level and direction come from the catalogue. */
export interface ChangeFields {
  operation: string;
  location: string;
  message: string;
  affectsTypes?: boolean;
  /** The oasdiff rules this change corresponds to (usually one). */
  oasdiffIds?: readonly OasdiffId[];
}

/** The level of a change of `rule` reporting `oasdiffIds`, under `policy`. */
export function levelOf(
  rule: RuleDefinition,
  oasdiffIds: readonly OasdiffId[] | undefined,
  policy: LevelPolicy = "ours",
): ChangeLevel {
  const first = oasdiffIds?.[0];
  if (first === undefined || (rule.judged !== undefined && policy === "ours")) return rule.level;
  return OASDIFF_RULES[first];
}

/** Builds a change of a catalogued rule. */
export function makeChange(id: RuleId, fields: ChangeFields, policy: LevelPolicy = "ours"): Change {
  const rule = RULES[id];
  const change: Change = {
    id,
    level: levelOf(rule, fields.oasdiffIds, policy),
    operation: fields.operation,
    direction: rule.direction,
    location: fields.location,
    message: fields.message,
    affectsTypes: fields.affectsTypes ?? rule.affectsTypes === true,
  };
  if (fields.oasdiffIds && fields.oasdiffIds.length > 0) change.oasdiffIds = [...fields.oasdiffIds];
  return change;
}
