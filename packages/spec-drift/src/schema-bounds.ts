import { show } from "./json.js";
import { boundKind } from "./normalize.js";
import type { SchemaChangeKey } from "./oasdiff-rules.js";
import type { OasdiffRef, SchemaStep } from "./schema-walk.js";
import { what } from "./schema-walk.js";

type BoundVerb = "set" | "removed" | "increased" | "decreased";

/** oasdiff's name for each bound keyword's changes (none where oasdiff does not check it). */
const BOUND_KEYS = {
  maximum: { set: "max-set", increased: "max-increased", decreased: "max-decreased" },
  minimum: { set: "min-set", increased: "min-increased", decreased: "min-decreased" },
  exclusiveMaximum: {
    set: "exclusive-max-set",
    increased: "exclusive-max-increased",
    decreased: "exclusive-max-decreased",
  },
  exclusiveMinimum: {
    set: "exclusive-min-set",
    increased: "exclusive-min-increased",
    decreased: "exclusive-min-decreased",
  },
  maxLength: {
    set: "max-length-set",
    removed: "max-length-unset",
    increased: "max-length-increased",
    decreased: "max-length-decreased",
  },
  minLength: { increased: "min-length-increased", decreased: "min-length-decreased" },
  maxItems: {
    set: "max-items-set",
    increased: "max-items-increased",
    decreased: "max-items-decreased",
  },
  minItems: {
    set: "min-items-set",
    removed: "min-items-unset",
    increased: "min-items-increased",
    decreased: "min-items-decreased",
  },
  maxContains: { increased: "max-contains-increased", decreased: "max-contains-decreased" },
  minContains: { increased: "min-contains-increased", decreased: "min-contains-decreased" },
  maxProperties: {
    set: "max-properties-set",
    increased: "max-properties-increased",
    decreased: "max-properties-decreased",
  },
  minProperties: { increased: "min-properties-increased", decreased: "min-properties-decreased" },
} as const satisfies Record<string, Partial<Record<BoundVerb, SchemaChangeKey>>>;

/**
 * Compares numeric and string bounds (`minimum` ... `maxContains`), `pattern`, `format`,
 * `multipleOf`, `uniqueItems`, `contentEncoding` and `contentMediaType`.
 */
export function compareBoundsAndStrings(step: SchemaStep): void {
  const { walker, vb, vh, site } = step;
  const kb = vb.keywords;
  const kh = vh.keywords;
  for (const key of new Set([...Object.keys(kb), ...Object.keys(kh)])) {
    const b = kb[key];
    const h = kh[key];
    if (b === h) continue;
    const bound = boundKind(key);
    if (bound) {
      if (typeof b !== "number" && typeof h !== "number") continue;
      if (b === h) continue;
      const tighter =
        typeof b !== "number"
          ? true
          : typeof h !== "number"
            ? false
            : bound === "lower"
              ? h > b
              : h < b;
      const verb: BoundVerb =
        typeof b !== "number"
          ? "set"
          : typeof h !== "number"
            ? "removed"
            : h > b
              ? "increased"
              : "decreased";
      const names: Partial<Record<BoundVerb, SchemaChangeKey>> =
        BOUND_KEYS[key as keyof typeof BOUND_KEYS] ?? {};
      const message = `${key} of ${what(site)} ${verb}${typeof b === "number" ? ` from ${b}` : ""}${typeof h === "number" ? ` to ${h}` : ""}`;
      walker.report(
        tighter ? "constraint-tightened" : "constraint-relaxed",
        site,
        message,
        itemsOfParameter(site, key) ? parameterItemsKey(verb) : names[verb],
        false,
      );
      continue;
    }
    switch (key) {
      case "format": {
        const verb = b === undefined ? "added" : h === undefined ? "removed" : "changed";
        walker.report(
          "format-changed",
          site,
          `format of ${what(site)} ${verb}${b !== undefined ? ` from ${show(b)}` : ""}${h !== undefined ? ` to ${show(h)}` : ""}`,
          undefined,
          false,
        );
        break;
      }
      case "pattern": {
        // An empty pattern matches everything: it is no restriction at all.
        const pb = b === "" ? undefined : b;
        const ph = h === "" ? undefined : h;
        if (pb === ph) break;
        // `.*` matches any line: a pattern changed to it is a pattern made general (oasdiff's rule)
        const verb =
          pb === undefined
            ? "added"
            : ph === undefined
              ? "removed"
              : ph === ".*"
                ? "generalized"
                : "changed";
        walker.report(
          verb === "added"
            ? "constraint-tightened"
            : verb === "removed" || verb === "generalized"
              ? "constraint-relaxed"
              : "constraint-changed",
          site,
          `pattern of ${what(site)} ${verb}${pb !== undefined ? ` from ${show(pb)}` : ""}${ph !== undefined ? ` to ${show(ph)}` : ""}`,
          verb === "added"
            ? "pattern-added"
            : verb === "removed"
              ? "pattern-removed"
              : verb === "generalized"
                ? "pattern-generalized"
                : "pattern-changed",
          false,
        );
        break;
      }
      case "multipleOf": {
        const nb = typeof b === "number" ? b : undefined;
        const nh = typeof h === "number" ? h : undefined;
        const concept =
          nb === undefined
            ? "constraint-tightened"
            : nh === undefined
              ? "constraint-relaxed"
              : Number.isInteger(nh / nb)
                ? "constraint-tightened"
                : Number.isInteger(nb / nh)
                  ? "constraint-relaxed"
                  : "constraint-changed";
        walker.report(
          concept,
          site,
          `multipleOf of ${what(site)} changed from ${show(b)} to ${show(h)}`,
          nb === undefined
            ? "multiple-of-set"
            : nh === undefined
              ? "multiple-of-unset"
              : // oasdiff names only the harmless direction: a divisor of the old one in a
                // request (generalized), a multiple of it in a response (specialized)
                site.direction === "request" && concept === "constraint-relaxed"
                ? "multiple-of-generalized"
                : site.direction === "response" && concept === "constraint-tightened"
                  ? "multiple-of-specialized"
                  : "multiple-of-changed",
          false,
        );
        break;
      }
      case "uniqueItems":
        if (Boolean(b) === Boolean(h)) break;
        walker.report(
          h === true ? "constraint-tightened" : "constraint-relaxed",
          site,
          `uniqueItems of ${what(site)} ${h === true ? "set" : "removed"}`,
          h === true ? "unique-items-set" : "unique-items-unset",
          false,
        );
        break;
      case "contentEncoding":
      case "contentMediaType":
        walker.report(
          "encoding-changed",
          site,
          `${key} of ${what(site)} changed from ${show(b)} to ${show(h)}`,
          key === "contentEncoding" ? "content-encoding-changed" : "content-media-type-changed",
          false,
        );
        break;
    }
  }
}

/**
 * `maxItems` written on the items of an array parameter (a common slip) is read by oasdiff as the
 * parameter's own `maxItems`, so it is named with the parameter's id.
 */
function itemsOfParameter(site: SchemaStep["site"], key: string): boolean {
  return key === "maxItems" && site.scope === "parameter" && site.path === "[]";
}

function parameterItemsKey(verb: BoundVerb): OasdiffRef | undefined {
  if (verb === "increased") return { id: "request-parameter-max-items-increased" };
  if (verb === "decreased") return { id: "request-parameter-max-items-decreased" };
  return undefined;
}
