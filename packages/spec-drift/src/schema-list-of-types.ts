import { isRecord } from "./json.js";
import type { Schema } from "./normalize.js";
import { tsTypes } from "./schema-types.js";
import type { SchemaStep } from "./schema-walk.js";
import { what } from "./schema-walk.js";

/** The JSON types a schema written as a "list of types" stands for, and how it was written. */
interface TypePattern {
  /** One entry per type, keyed by type, holding the schema that carries it. */
  readonly types: ReadonlyMap<string, Schema>;
  /** `true` for `oneOf`/`anyOf` of plain typed schemas, `false` for one `type`. */
  readonly list: boolean;
}

/**
 * The "list of types" pattern (oasdiff's `ListOfTypesDiff`): a value declared with one `type`,
 * or as a `oneOf`/`anyOf` whose alternatives are each just one `type` (no properties, no nested
 * unions). Moving between the two spellings, or adding and removing alternatives, changes which
 * JSON types are accepted and is reported as a list of types widened or narrowed rather than as
 * alternatives added or removed. Returns `true` when the pair is such a change and was reported.
 */
export function compareListOfTypes(step: SchemaStep): boolean {
  const { walker, vb, vh, site } = step;
  const pb = typePattern(vb.raw);
  const ph = typePattern(vh.raw);
  if (!pb || !ph || (!pb.list && !ph.list)) return false;
  const added = [...ph.types.keys()].filter((t) => !pb.types.has(t));
  const removed = [...pb.types.keys()].filter((t) => !ph.types.has(t));
  if (added.length === 0 && removed.length === 0) return false;
  // A request accepts less when a type goes; a response may send more when a type comes.
  const narrowed =
    site.direction === "request" ? removed.length > 0 : added.length === 0 && removed.length > 0;
  const parts = [
    added.length > 0 ? `may now be ${added.join(" or ")}` : "",
    removed.length > 0 ? `may no longer be ${removed.join(" or ")}` : "",
  ].filter(Boolean);
  const message = `${what(site)} ${parts.join(" and ")} (types ${[...pb.types.keys()].join("|")} became ${[...ph.types.keys()].join("|")})`;
  const tsChanged = tsTypes(new Set(pb.types.keys())) !== tsTypes(new Set(ph.types.keys()));
  walker.report(
    narrowed ? "type-narrowed" : "type-widened",
    site,
    message,
    narrowed ? "list-of-types-narrowed" : "list-of-types-widened",
    tsChanged,
  );
  // The types both sides accept may still carry changed constraints (`maxLength`, `format`...).
  for (const [type, b] of pb.types) {
    const h = ph.types.get(type);
    if (h) walker.descend(step, b, h, site, { ignoreNullable: true });
  }
  return true;
}

/** The pattern a raw schema follows, or undefined when it is not a list of types. */
function typePattern(raw: Schema): TypePattern | undefined {
  if (raw.not !== undefined || nonEmpty(raw.allOf) || hasProperties(raw)) return undefined;
  const single = onlyType(raw);
  if (single) return { types: new Map([[single, raw]]), list: false };
  for (const key of ["oneOf", "anyOf"] as const) {
    const members = raw[key];
    if (!nonEmpty(members)) continue;
    const types = new Map<string, Schema>();
    for (const member of members) {
      if (!isRecord(member) || !isPlainTyped(member)) return undefined;
      const type = onlyType(member);
      if (type === undefined) return undefined;
      // a `null` alternative is nullability, reported on its own
      if (type !== "null" && !types.has(type)) types.set(type, member);
    }
    return types.size > 0 ? { types, list: true } : undefined;
  }
  return undefined;
}

/** The one non-null JSON type a schema declares, if it declares exactly one. */
function onlyType(schema: Schema): string | undefined {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (!Array.isArray(type)) return undefined;
  const named = type.filter((t): t is string => typeof t === "string" && t !== "null");
  if (named.length === 1) return named[0];
  return type.length === 1 && type[0] === "null" ? "null" : undefined;
}

/** An alternative of a list of types: one type and nothing that nests schemas. */
function isPlainTyped(schema: Schema): boolean {
  return (
    onlyType(schema) !== undefined &&
    !hasProperties(schema) &&
    !nonEmpty(schema.oneOf) &&
    !nonEmpty(schema.anyOf) &&
    !nonEmpty(schema.allOf)
  );
}

function hasProperties(schema: Schema): boolean {
  return isRecord(schema.properties) && Object.keys(schema.properties).length > 0;
}

function nonEmpty(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0;
}
