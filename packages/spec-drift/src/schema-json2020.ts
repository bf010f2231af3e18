import { isRecord, show } from "./json.js";
import { asSchema } from "./normalize.js";
import { isOasdiffId, OASDIFF_RULES, type SchemaChangeKey } from "./oasdiff-rules.js";
import type { SchemaSite, SchemaStep } from "./schema-walk.js";
import { below, what } from "./schema-walk.js";

/** Subschema keywords oasdiff names as added or removed; changed ones are compared inside. */
const SUBSCHEMAS = {
  contains: { added: "contains-added", removed: "contains-removed" },
  propertyNames: { added: "property-names-added", removed: "property-names-removed" },
  unevaluatedItems: { added: "unevaluated-items-added", removed: "unevaluated-items-removed" },
  unevaluatedProperties: {
    added: "unevaluated-properties-added",
    removed: "unevaluated-properties-removed",
  },
  contentSchema: { added: "content-schema-added", removed: "content-schema-removed" },
  if: { added: "if-added", removed: "if-removed" },
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword `then`, not a thenable
  then: { added: "then-added", removed: "then-removed" },
  else: { added: "else-added", removed: "else-removed" },
} as const satisfies Record<string, { added: SchemaChangeKey; removed: SchemaChangeKey }>;

/** Schema maps: entries added or removed are named; shared entries are compared inside. */
const SCHEMA_MAPS = {
  patternProperties: { added: "pattern-property-added", removed: "pattern-property-removed" },
  dependentSchemas: { added: "dependent-schema-added", removed: "dependent-schema-removed" },
} as const satisfies Record<string, { added: SchemaChangeKey; removed: SchemaChangeKey }>;

/**
 * Compares the JSON Schema 2020 keywords: contains, propertyNames, unevaluated*, contentSchema,
 * if/then/else (traversed: a `required` added inside `then` is a required property), not,
 * dependentRequired, dependentSchemas and patternProperties.
 */
export function compare2020Keywords(step: SchemaStep): void {
  const { vb, vh } = step;
  const kb = vb.keywords;
  const kh = vh.keywords;
  for (const key of Object.keys(SUBSCHEMAS) as Array<keyof typeof SUBSCHEMAS>) {
    if (key in kb || key in kh) compareSubschema(step, key, kb[key], kh[key]);
  }
  for (const key of Object.keys(SCHEMA_MAPS) as Array<keyof typeof SCHEMA_MAPS>) {
    if (key in kb || key in kh) compareSchemaMap(step, key, kb[key], kh[key]);
  }
  if ("not" in kb || "not" in kh) compareNot(step, kb.not, kh.not);
  if ("dependentRequired" in kb || "dependentRequired" in kh)
    compareDependentRequired(step, kb.dependentRequired, kh.dependentRequired);
}

/** A keyword appearing (`added`) or going (`removed`): tighter or looser for the side it is on. */
function presence(
  step: SchemaStep,
  site: SchemaSite,
  added: boolean,
  message: string,
  key?: SchemaChangeKey,
) {
  const { walker } = step;
  if (added) walker.report("constraint-tightened", site, message, key, false);
  else if (site.direction === "response")
    walker.emit("response-structure-relaxed", site, message, key, false);
  else walker.report("constraint-relaxed", site, message, key, false);
}

function compareSubschema(
  step: SchemaStep,
  key: keyof typeof SUBSCHEMAS,
  b: unknown,
  h: unknown,
): void {
  const { walker, site } = step;
  if (b === undefined || h === undefined) {
    const added = b === undefined;
    presence(
      step,
      site,
      added,
      `${key} of ${what(site)} ${added ? "added" : "removed"}`,
      SUBSCHEMAS[key][added ? "added" : "removed"],
    );
    return;
  }
  if (isRecord(b) && isRecord(h)) {
    walker.descend(step, b, h, below(site, `${site.path}(${key})`));
    return;
  }
  if (b === h) return;
  const concept =
    h === false
      ? "constraint-tightened"
      : b === false
        ? "constraint-relaxed"
        : "constraint-changed";
  walker.report(concept, site, `${key} of ${what(site)} changed`, undefined, false);
}

function compareNot(step: SchemaStep, b: unknown, h: unknown): void {
  const { walker, site } = step;
  if (b === undefined || h === undefined) {
    presence(
      step,
      site,
      b === undefined,
      `\`not\` of ${what(site)} ${b === undefined ? "added" : "removed"}`,
    );
    return;
  }
  const fb = walker.ctx.base.fingerprint(asSchema(b));
  const fh = walker.ctx.head.fingerprint(asSchema(h));
  if (fb === fh) return;
  // Traversed like oasdiff, but judged outside: what the `not` accepts less, the value accepts
  // more, and the other way round.
  const inner = walker.collect(b, h, below(site, `${site.path}(not)`), step.depth);
  for (const change of inner) {
    const concept =
      change.level === "warning"
        ? "constraint-changed"
        : (change.level === "breaking") === (site.direction === "request")
          ? "constraint-relaxed"
          : "constraint-tightened";
    const id = change.oasdiffIds?.find(isOasdiffId);
    // a warning stays a warning once flipped: only then is the inner oasdiff id (at its level) ours
    const claim =
      id !== undefined && change.level === "warning" && OASDIFF_RULES[id] === "warning"
        ? { id }
        : undefined;
    walker.report(
      concept,
      site,
      `inside \`not\`: ${change.message}, so ${what(site)} accepts ${concept === "constraint-relaxed" ? "more" : concept === "constraint-tightened" ? "fewer" : "other"} values`,
      claim,
      false,
      change.location,
    );
  }
  if (inner.length === 0)
    walker.report("constraint-changed", site, `\`not\` of ${what(site)} changed`, undefined, false);
}

function compareDependentRequired(step: SchemaStep, b: unknown, h: unknown): void {
  const { site } = step;
  const mb = isRecord(b) ? b : {};
  const mh = isRecord(h) ? h : {};
  for (const k of new Set([...Object.keys(mb), ...Object.keys(mh)])) {
    const lb = new Set(Array.isArray(mb[k]) ? (mb[k] as unknown[]) : []);
    const lh = new Set(Array.isArray(mh[k]) ? (mh[k] as unknown[]) : []);
    const added = [...lh].filter((x) => !lb.has(x));
    const removed = [...lb].filter((x) => !lh.has(x));
    if (added.length > 0)
      presence(
        step,
        site,
        true,
        `when \`${k}\` is present, ${what(site)} now also requires ${added.map(show).join(", ")}`,
        "dependent-required-added",
      );
    if (removed.length > 0)
      presence(
        step,
        site,
        false,
        `when \`${k}\` is present, ${what(site)} no longer requires ${removed.map(show).join(", ")}`,
        "dependent-required-removed",
      );
  }
}

function compareSchemaMap(
  step: SchemaStep,
  key: keyof typeof SCHEMA_MAPS,
  b: unknown,
  h: unknown,
): void {
  const { walker, site } = step;
  const mb = isRecord(b) ? b : {};
  const mh = isRecord(h) ? h : {};
  for (const k of new Set([...Object.keys(mb), ...Object.keys(mh)])) {
    if (!(k in mh))
      presence(
        step,
        site,
        false,
        `${key} entry ${show(k)} of ${what(site)} removed`,
        SCHEMA_MAPS[key].removed,
      );
    else if (!(k in mb))
      presence(
        step,
        site,
        true,
        `${key} entry ${show(k)} of ${what(site)} added`,
        SCHEMA_MAPS[key].added,
      );
    else
      walker.descend(
        step,
        asSchema(mb[k]),
        asSchema(mh[k]),
        below(site, `${site.path}(${key} ${k})`),
      );
  }
}
