import { show, stableStringify } from "./json.js";
import { ANNOTATION_KEYS, type SchemaView } from "./normalize.js";
import type { SchemaChangeKey } from "./oasdiff-rules.js";
import type { SchemaSite, SchemaStep } from "./schema-walk.js";
import { what } from "./schema-walk.js";

/**
 * Compares the JSON types of a pair. Returns false when the types share nothing, so comparing
 * their insides would be noise.
 */
export function compareTypes(step: SchemaStep): boolean {
  const { walker, vb, vh, site } = step;
  const tb = vb.types;
  const th = vh.types;
  if (!tb && !th) return true;
  if (tb && th && sameSet(tb, th)) return true;
  const from = tb ? [...tb].join("|") : "any";
  const to = th ? [...th].join("|") : "any";
  // No `type` accepts every type: adding one narrows, removing one widens.
  const widened = !th || (tb !== undefined && covers(th, tb));
  // A parameter travels as text: a string becoming a number or boolean accepts less, not other.
  const narrowed =
    !tb ||
    (th !== undefined && covers(tb, th)) ||
    (site.scope === "parameter" &&
      tb.size === 1 &&
      tb.has("string") &&
      th !== undefined &&
      [...th].every((t) => t === "integer" || t === "number" || t === "boolean"));
  if (!isJsonMedia(site.mediaType) && tb && th && !widened && !narrowed) {
    walker.report(
      "type-compatible",
      site,
      `type of ${what(site)} changed from ${from} to ${to} in a non-JSON body`,
      "type-compatible",
    );
    return true;
  }
  if (tb && th && formExplodeArray(step, tb)) {
    walker.report(
      "type-widened",
      site,
      `type of ${what(site)} changed from ${from} to ${to}; sent form-exploded, one value is a one-element array`,
      "type-generalized",
    );
    return false;
  }
  const lists = (tb?.size ?? 0) > 1 || (th?.size ?? 0) > 1;
  // integer and number are both `number` in generated TypeScript.
  const affectsTypes = tsTypes(tb) !== tsTypes(th);
  if (widened && !narrowed) {
    walker.report(
      "type-widened",
      site,
      `type of ${what(site)} widened from ${from} to ${to}`,
      lists ? "list-of-types-widened" : widenedKey(site),
      affectsTypes,
    );
    return true;
  }
  if (narrowed && !widened) {
    const key = lists ? "list-of-types-narrowed" : narrowedKey(site);
    walker.report(
      "type-narrowed",
      site,
      `type of ${what(site)} narrowed from ${from} to ${to}`,
      key,
      affectsTypes,
    );
    return true;
  }
  walker.report(
    "type-changed",
    site,
    `type of ${what(site)} changed from ${from} to ${to}`,
    "type-changed",
  );
  return [...(tb ?? [])].some(
    (t) =>
      th?.has(t) ||
      (t === "integer" && th?.has("number")) ||
      (t === "number" && th?.has("integer")),
  );
}

/** oasdiff's name for a widened type: generalized in a request or header, changed in a response body. */
function widenedKey(site: SchemaSite): SchemaChangeKey {
  return site.direction === "request" || site.scope === "header"
    ? "type-generalized"
    : "type-changed";
}

/** oasdiff's name for a narrowed type: specialized for parameter properties and headers, else changed. */
function narrowedKey(site: SchemaSite): SchemaChangeKey | undefined {
  if (site.direction === "response")
    return site.scope === "header" ? "type-specialized" : undefined;
  return site.scope === "parameter" && site.path ? "type-specialized" : "type-changed";
}

/**
 * A query parameter sent `style: form, explode: true` that becomes an array: one value on the
 * wire is a one-element array, so the old values still go through when the items accept them
 * (every scalar is a string on the wire).
 */
function formExplodeArray(step: SchemaStep, tb: ReadonlySet<string>): boolean {
  const { walker, vh, site } = step;
  if (site.scope !== "parameter" || site.path || !site.formExplode) return false;
  if (tb.has("array") || vh.types?.size !== 1 || !vh.types.has("array")) return false;
  const items = vh.items ? walker.ctx.head.view(vh.items) : undefined;
  // items with their own restrictions (enum, bounds, pattern) may reject old values
  if (!items || items.enumValues || items.constValue) return false;
  if (Object.keys(items.keywords).some((k) => !ANNOTATION_KEYS.has(k))) return false;
  const accepted = items.types;
  if (!accepted || accepted.has("string")) return true;
  return covers(accepted, tb);
}

/** Compares enum restrictions (`enum`, `x-extensible-enum`). */
export function compareEnums(step: SchemaStep): void {
  const { walker, vb, vh, site } = step;
  const eb = vb.enumValues ?? vb.extensibleEnum;
  const eh = vh.enumValues ?? vh.extensibleEnum;
  if (!eb && !eh) return;
  const extensible = !vh.enumValues && vh.extensibleEnum !== undefined;
  if (!eb && eh) {
    walker.report(
      "became-enum",
      site,
      `${what(site)} became restricted to ${eh.map(show).join(", ")}`,
      "became-enum",
    );
    return;
  }
  if (eb && !eh) {
    walker.report("enum-removed", site, `${what(site)} is no longer restricted to an enum`);
    return;
  }
  const sb = new Map((eb ?? []).map((e) => [stableStringify(e), e]));
  const sh = new Map((eh ?? []).map((e) => [stableStringify(e), e]));
  const removed = [...sb.keys()].filter((k) => !sh.has(k)).map((k) => sb.get(k));
  const added = [...sh.keys()].filter((k) => !sb.has(k)).map((k) => sh.get(k));
  if (removed.length > 0) {
    walker.report(
      "enum-value-removed",
      site,
      `${what(site)} no longer has enum value${removed.length > 1 ? "s" : ""} ${removed.map(show).join(", ")}`,
      extensible ? "x-extensible-enum-value-removed" : "enum-value-removed",
    );
  }
  if (added.length > 0) {
    const message = `${what(site)} gained enum value${added.length > 1 ? "s" : ""} ${added.map(show).join(", ")}`;
    // Extensible enums promise new values; clients must already cope with them.
    if (extensible && site.direction === "response") walker.report("docs-changed", site, message);
    else
      walker.report("enum-value-added", site, message, extensible ? undefined : "enum-value-added");
  }
}

/** Compares `const`. */
export function compareConst(step: SchemaStep): void {
  const { walker, vb, vh, site } = step;
  const cb = vb.constValue;
  const ch = vh.constValue;
  if (!cb && !ch) return;
  if (cb && ch) {
    if (stableStringify(cb.value) !== stableStringify(ch.value)) {
      walker.report(
        "const-changed",
        site,
        `const of ${what(site)} changed from ${show(cb.value)} to ${show(ch.value)}`,
        "const-changed",
      );
    }
  } else if (ch)
    walker.report(
      "const-added",
      site,
      `${what(site)} became the constant ${show(ch.value)}`,
      "const-added",
    );
  else
    walker.report("const-removed", site, `${what(site)} is no longer a constant`, "const-removed");
}

/** The generated TypeScript types a set of JSON types stands for (integer and number are both `number`). */
export function tsTypes(types: ReadonlySet<string> | undefined): string {
  return types
    ? [...new Set([...types].map((t) => (t === "integer" ? "number" : t)))].sort().join("|")
    : "*";
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Whether every type in `inner` is accepted by `outer` (integer is a kind of number). */
export function covers(outer: ReadonlySet<string>, inner: ReadonlySet<string>): boolean {
  return [...inner].every((t) => outer.has(t) || (t === "integer" && outer.has("number")));
}

function isJsonMedia(mediaType: string | undefined): boolean {
  return mediaType === undefined || /json|\*\/\*|^text\/plain|form/i.test(mediaType);
}

/** The type signature unions pair branches by. */
export function typeSignature(v: SchemaView): string {
  return v.types ? [...v.types].sort().join(",") : "*";
}
