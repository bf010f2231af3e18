import type { Change, ChangeDirection, ChangeLevel } from "./types.js";

/** One entry of the rule catalogue. */
export interface RuleDefinition {
  /** Stable id reported in `Change.id`. */
  id: string;
  /** Level every change of this rule gets. */
  level: ChangeLevel;
  /** Direction every change of this rule gets. */
  direction: ChangeDirection;
  /** Whether changes of this rule alter generated TypeScript types (`depends`: on the keyword). */
  affectsTypes: boolean | "depends";
  /** What the rule detects, for the README and `--help`. */
  summary: string;
}

type RuleRow = [
  id: string,
  level: ChangeLevel,
  direction: ChangeDirection,
  affectsTypes: boolean | "depends",
  summary: string,
];

const ROWS: RuleRow[] = [
  // Operations and the document as a whole.
  ["operation-removed", "breaking", "none", true, "An operation (or its whole path) was removed."],
  [
    "operation-removed-before-sunset",
    "breaking",
    "none",
    true,
    "A deprecated operation was removed before its x-sunset date.",
  ],
  [
    "operation-removed-deprecated",
    "warning",
    "none",
    true,
    "An operation that was already deprecated was removed.",
  ],
  ["operation-added", "info", "none", true, "A new operation."],
  [
    "operation-deprecated",
    "info",
    "none",
    false,
    "An operation became deprecated (or stopped being).",
  ],
  [
    "operation-id-changed",
    "info",
    "none",
    true,
    "The operationId changed (generated `operations` keys move).",
  ],
  [
    "operation-docs-changed",
    "info",
    "none",
    false,
    "Summary, description or tags of an operation changed.",
  ],
  [
    "security-tightened",
    "breaking",
    "request",
    false,
    "A security requirement was added: credentials that worked may no longer be enough.",
  ],
  [
    "security-relaxed",
    "info",
    "request",
    false,
    "A security requirement was removed or made optional.",
  ],
  ["webhook-removed", "breaking", "none", true, "A webhook was removed."],
  ["webhook-added", "info", "none", true, "A new webhook."],
  // Parameters.
  [
    "request-parameter-added-required",
    "breaking",
    "request",
    true,
    "A new required parameter or header.",
  ],
  [
    "request-parameter-added-optional",
    "info",
    "request",
    true,
    "A new optional parameter or header.",
  ],
  [
    "request-parameter-removed-before-sunset",
    "breaking",
    "request",
    true,
    "A deprecated parameter was removed before its x-sunset date.",
  ],
  [
    "request-parameter-removed",
    "warning",
    "request",
    true,
    "A parameter was removed; servers usually ignore it, but behaviour may change.",
  ],
  [
    "request-parameter-became-required",
    "breaking",
    "request",
    true,
    "An optional parameter became required.",
  ],
  [
    "request-parameter-became-optional",
    "info",
    "request",
    true,
    "A required parameter became optional.",
  ],
  [
    "request-parameter-default-changed",
    "breaking",
    "request",
    false,
    "A parameter's default changed: callers that omit it get different behaviour.",
  ],
  [
    "request-parameter-style-changed",
    "breaking",
    "request",
    false,
    "A parameter's serialisation (style, explode) changed.",
  ],
  // Request bodies.
  [
    "request-body-added-required",
    "breaking",
    "request",
    true,
    "A required request body was added.",
  ],
  ["request-body-added-optional", "info", "request", true, "An optional request body was added."],
  ["request-body-removed", "warning", "request", true, "The request body was removed."],
  [
    "request-body-became-required",
    "breaking",
    "request",
    true,
    "The request body became required.",
  ],
  ["request-body-became-optional", "info", "request", true, "The request body became optional."],
  [
    "request-media-type-removed",
    "breaking",
    "request",
    true,
    "A request media type is no longer accepted.",
  ],
  ["request-media-type-added", "info", "request", true, "A request media type was added."],
  // Responses.
  [
    "response-success-status-removed",
    "breaking",
    "response",
    true,
    "A success (2xx/3xx) response status was removed.",
  ],
  [
    "response-status-removed",
    "info",
    "response",
    true,
    "A non-success response status was removed.",
  ],
  ["response-status-added", "info", "response", true, "A response status was added."],
  [
    "response-media-type-removed",
    "breaking",
    "response",
    true,
    "A response media type was removed.",
  ],
  ["response-media-type-added", "info", "response", true, "A response media type was added."],
  [
    "response-required-header-removed",
    "breaking",
    "response",
    true,
    "A required response header was removed.",
  ],
  [
    "response-optional-header-removed",
    "warning",
    "response",
    true,
    "An optional response header was removed.",
  ],
  [
    "response-header-became-optional",
    "breaking",
    "response",
    true,
    "A required response header became optional.",
  ],
  ["response-header-added", "info", "response", true, "A response header was added."],
  // Schemas, request side: what the client sends must stay valid.
  [
    "request-type-changed",
    "breaking",
    "request",
    true,
    "A request value's type changed to an unrelated one.",
  ],
  [
    "request-type-narrowed",
    "breaking",
    "request",
    true,
    "A request value accepts fewer types (e.g. number to integer, a type dropped from a list).",
  ],
  ["request-type-widened", "info", "request", true, "A request value accepts more types."],
  [
    "request-type-compatible",
    "info",
    "request",
    false,
    "A type changed in a non-JSON (e.g. XML) body where the wire form is the same.",
  ],
  [
    "request-became-not-nullable",
    "breaking",
    "request",
    true,
    "A request value no longer accepts null (nullable, type list or null branch).",
  ],
  ["request-became-nullable", "info", "request", true, "A request value now accepts null."],
  [
    "request-became-enum",
    "breaking",
    "request",
    true,
    "A request value became restricted to an enum.",
  ],
  [
    "request-enum-value-removed",
    "breaking",
    "request",
    true,
    "An enum value is no longer accepted in a request.",
  ],
  [
    "request-enum-value-added",
    "info",
    "request",
    true,
    "An enum value was added to a request value.",
  ],
  [
    "request-enum-removed",
    "info",
    "request",
    true,
    "A request value is no longer restricted to an enum.",
  ],
  ["request-const-changed", "breaking", "request", true, "A request value's const changed."],
  ["request-const-added", "breaking", "request", true, "A request value became a const."],
  ["request-const-removed", "info", "request", true, "A request value is no longer a const."],
  [
    "request-property-added-required",
    "breaking",
    "request",
    true,
    "A new required property in a request body.",
  ],
  [
    "request-property-added-optional",
    "info",
    "request",
    true,
    "A new optional property in a request body.",
  ],
  [
    "request-property-removed",
    "warning",
    "request",
    true,
    "A request property was removed; servers usually ignore it.",
  ],
  [
    "request-property-removed-closed",
    "breaking",
    "request",
    true,
    "A request property was removed from an object that forbids additional properties.",
  ],
  [
    "request-property-became-required",
    "breaking",
    "request",
    true,
    "An optional request property became required.",
  ],
  [
    "request-property-became-optional",
    "info",
    "request",
    true,
    "A required request property became optional.",
  ],
  [
    "request-branch-removed",
    "breaking",
    "request",
    true,
    "A oneOf/anyOf alternative is no longer accepted in a request.",
  ],
  [
    "request-branch-added",
    "info",
    "request",
    true,
    "A oneOf/anyOf alternative was added to a request value.",
  ],
  [
    "request-constraint-tightened",
    "breaking",
    "request",
    "depends",
    "A request limit got stricter (min up, max down, maxItems down, pattern/format added, additionalProperties closed...).",
  ],
  ["request-constraint-relaxed", "info", "request", "depends", "A request limit got looser."],
  [
    "request-constraint-changed",
    "warning",
    "request",
    false,
    "A request pattern, format or multipleOf changed in a way that is neither looser nor stricter.",
  ],
  [
    "request-format-changed",
    "warning",
    "request",
    false,
    "A request string's format was added, changed or removed; servers that validate formats may reject values they accepted.",
  ],
  [
    "request-encoding-changed",
    "breaking",
    "request",
    false,
    "A string's contentEncoding or contentMediaType changed.",
  ],
  ["request-default-changed", "warning", "request", false, "A request property's default changed."],
  [
    "request-access-changed",
    "warning",
    "request",
    false,
    "readOnly/writeOnly changed on a request property.",
  ],
  // Schemas, response side: nothing may arrive that the client's types did not allow.
  [
    "response-type-changed",
    "breaking",
    "response",
    true,
    "A response value's type changed to an unrelated one.",
  ],
  [
    "response-type-widened",
    "breaking",
    "response",
    true,
    "A response value may have more types than before.",
  ],
  [
    "response-type-narrowed",
    "info",
    "response",
    true,
    "A response value has fewer possible types.",
  ],
  [
    "response-type-compatible",
    "info",
    "response",
    false,
    "A type changed in a non-JSON (e.g. XML) body where the wire form is the same.",
  ],
  [
    "response-became-nullable",
    "breaking",
    "response",
    true,
    "A response value may now be null (nullable, type list or null branch).",
  ],
  ["response-became-not-nullable", "info", "response", true, "A response value is no longer null."],
  [
    "response-enum-value-added",
    "warning",
    "response",
    true,
    "A response enum gained a value: exhaustive switches and strict clients break.",
  ],
  ["response-enum-value-removed", "info", "response", true, "A response enum lost a value."],
  [
    "response-became-enum",
    "info",
    "response",
    true,
    "A response value became restricted to an enum.",
  ],
  [
    "response-enum-removed",
    "warning",
    "response",
    true,
    "A response value is no longer restricted to an enum.",
  ],
  ["response-const-changed", "breaking", "response", true, "A response value's const changed."],
  ["response-const-added", "info", "response", true, "A response value became a const."],
  ["response-const-removed", "warning", "response", true, "A response value is no longer a const."],
  ["response-property-added", "info", "response", true, "A new response property."],
  [
    "response-required-property-removed",
    "breaking",
    "response",
    true,
    "A required response property was removed.",
  ],
  [
    "response-optional-property-removed",
    "warning",
    "response",
    true,
    "An optional response property was removed.",
  ],
  [
    "response-property-became-optional",
    "breaking",
    "response",
    true,
    "A required response property became optional.",
  ],
  [
    "response-property-became-required",
    "info",
    "response",
    true,
    "An optional response property became required.",
  ],
  [
    "response-branch-added",
    "breaking",
    "response",
    true,
    "A response value gained a oneOf/anyOf alternative (or was wrapped in one).",
  ],
  [
    "response-branch-removed",
    "info",
    "response",
    true,
    "A response oneOf/anyOf alternative was removed.",
  ],
  [
    "response-shape-widened",
    "breaking",
    "response",
    true,
    "A response object or array may hold more than the client's types allow (additionalProperties opened, items or tuple schema dropped).",
  ],
  [
    "response-constraint-relaxed",
    "warning",
    "response",
    false,
    "A response validation keyword got looser (limits, pattern, contains, dependentRequired...): types are unchanged, strict validators may reject new values.",
  ],
  [
    "response-constraint-tightened",
    "info",
    "response",
    "depends",
    "A response limit got stricter.",
  ],
  [
    "response-constraint-changed",
    "warning",
    "response",
    false,
    "A response pattern, format or multipleOf changed in a way that is neither looser nor stricter.",
  ],
  [
    "response-format-changed",
    "warning",
    "response",
    false,
    "A response string's format was added, changed or removed; clients that parse by format (dates, URIs) may need to adapt.",
  ],
  [
    "response-encoding-changed",
    "breaking",
    "response",
    false,
    "A string's contentEncoding or contentMediaType changed.",
  ],
  ["response-default-changed", "info", "response", false, "A response property's default changed."],
  [
    "response-access-changed",
    "warning",
    "response",
    false,
    "readOnly/writeOnly changed on a response property.",
  ],
  // Annotations, either side.
  [
    "request-docs-changed",
    "info",
    "request",
    false,
    "Description, title or example of a request value changed.",
  ],
  [
    "response-docs-changed",
    "info",
    "response",
    false,
    "Description, title or example of a response value changed.",
  ],
  ["request-discriminator-changed", "info", "request", false, "A request discriminator changed."],
  [
    "response-discriminator-changed",
    "info",
    "response",
    false,
    "A response discriminator changed.",
  ],
  [
    "request-deprecated",
    "info",
    "request",
    false,
    "A request value or parameter became deprecated (or stopped being).",
  ],
  [
    "response-deprecated",
    "info",
    "response",
    false,
    "A response value became deprecated (or stopped being).",
  ],
];

/**
 * The rule catalogue: every id `compareSpecs` can report, with its level and direction.
 * Ids are stable across releases; new rules get new ids.
 *
 * @example
 * RULES["response-became-nullable"].level; // "breaking"
 */
export const RULES: Readonly<Record<string, RuleDefinition>> = Object.freeze(
  Object.fromEntries(
    ROWS.map(([id, level, direction, affectsTypes, summary]) => [
      id,
      Object.freeze({ id, level, direction, affectsTypes, summary }),
    ]),
  ),
);

/** Fields a comparison supplies; level and direction come from the catalogue. */
export interface ChangeFields {
  operation: string;
  location: string;
  message: string;
  affectsTypes?: boolean;
  oasdiffIds?: string[];
}

/** Builds a change for a catalogued rule (throws on an unknown id, which is a programming error). */
export function makeChange(id: string, fields: ChangeFields): Change {
  const rule = RULES[id];
  if (!rule) throw new Error(`spec-drift: unknown rule id ${id}`);
  const change: Change = {
    id,
    level: rule.level,
    operation: fields.operation,
    direction: rule.direction,
    location: fields.location,
    message: fields.message,
    affectsTypes: fields.affectsTypes ?? rule.affectsTypes === true,
  };
  if (fields.oasdiffIds && fields.oasdiffIds.length > 0) change.oasdiffIds = fields.oasdiffIds;
  return change;
}
