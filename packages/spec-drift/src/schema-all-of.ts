import { isRecord } from "./json.js";
import { ANNOTATION_KEYS, asSchema, type Normalizer, type Schema } from "./normalize.js";
import { pairSchemas } from "./schema-pairing.js";
import { describeBranch } from "./schema-unions.js";
import type { SchemaStep } from "./schema-walk.js";
import { what } from "./schema-walk.js";

/**
 * Compares the parts of an `allOf` as a list (oasdiff's `AllOfDiff`): parts are paired by
 * component name, then title, then by accepting the same values, and a single part left on each
 * side is the same part modified (two different components never pair: a rename is a change). A
 * part only on one side is reported added or removed; one that holds nothing but annotations
 * (title, description, examples...) accepts every value, so it is reported under oasdiff's
 * annotation-only ids. What the parts require is compared after they are merged, by the other
 * keyword families. Only a schema that has an `allOf` on both sides is compared this way.
 */
export function compareAllOf(step: SchemaStep): void {
  const { walker, vb, vh } = step;
  const baseParts = partsOf(vb.raw);
  const headParts = partsOf(vh.raw);
  const { base, head } = walker.ctx;
  // Splitting a schema into an allOf (or merging one back) is a restructuring, not an edit of a
  // list of parts: the merged schemas are compared, so a split that accepts the same values
  // reports nothing (oasdiff names every part of the new allOf added). Only parts that are pure
  // documentation are named, as oasdiff does.
  if (baseParts.length === 0 || headParts.length === 0) {
    report(step, headParts.filter(isAnnotationOnly), head, "added");
    report(step, baseParts.filter(isAnnotationOnly), base, "removed");
    return;
  }
  // Two different components are two parts even when they read the same (a rename is a change).
  const renamed = (b: Schema, h: Schema) => {
    const nb = base.view(b).name;
    const nh = head.view(h).name;
    return nb !== undefined && nh !== undefined && nb !== nh;
  };
  const unpaired = pairSchemas(
    baseParts,
    headParts,
    [
      (b, h) => {
        const n = base.view(b).name;
        return n !== undefined && n === head.view(h).name;
      },
      (b, h) => {
        const t = b.title;
        return typeof t === "string" && t !== "" && t === h.title;
      },
      (b, h) => !renamed(b, h) && base.fingerprint(b) === head.fingerprint(h),
    ],
    (b, h) => !renamed(b, h),
  );
  report(step, unpaired.head, head, "added");
  report(step, unpaired.base, base, "removed");
}

function report(
  step: SchemaStep,
  parts: readonly Schema[],
  normalizer: Normalizer,
  verb: "added" | "removed",
): void {
  const { walker, site } = step;
  if (parts.length === 0) return;
  const annotationOnly = parts.filter(isAnnotationOnly);
  const real = parts.filter((p) => !isAnnotationOnly(p));
  const concept = verb === "added" ? "all-of-member-added" : "all-of-member-removed";
  const list = (ps: readonly Schema[]) =>
    ps.map((p) => describeBranch(normalizer.view(p))).join(", ");
  if (real.length > 0) {
    walker.report(
      concept,
      site,
      `allOf part${real.length > 1 ? "s" : ""} ${list(real)} of ${what(site)} ${real.length > 1 ? "were" : "was"} ${verb}`,
      verb === "added" ? "all-of-added" : "all-of-removed",
      true,
    );
  }
  if (annotationOnly.length > 0) {
    walker.report(
      concept,
      site,
      `annotation-only allOf part${annotationOnly.length > 1 ? "s" : ""} of ${what(site)} ${annotationOnly.length > 1 ? "were" : "was"} ${verb}; it accepts every value`,
      verb === "added" ? "all-of-added-annotation-only" : "all-of-removed-annotation-only",
      false,
    );
  }
}

/** The parts of a schema's own `allOf` (not of nested ones), as schema objects. */
function partsOf(raw: Schema): Schema[] {
  const allOf = raw.allOf;
  return Array.isArray(allOf) ? allOf.map((p) => asSchema(p)) : [];
}

/** Whether a part holds only annotations and extensions: it accepts every value. */
function isAnnotationOnly(part: Schema): boolean {
  return Object.entries(part).every(
    ([k, v]) => ANNOTATION_KEYS.has(k) || k.startsWith("x-") || (k === "allOf" && emptyList(v)),
  );
}

function emptyList(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => isRecord(v) && isAnnotationOnly(v));
}
