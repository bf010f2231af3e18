import type { Schema, SchemaView } from "./normalize.js";
import type { SchemaChangeKey } from "./oasdiff-rules.js";
import { pairSchemas } from "./schema-pairing.js";
import { typeSignature } from "./schema-types.js";
import type { SchemaStep } from "./schema-walk.js";
import { what } from "./schema-walk.js";

/**
 * Compares `oneOf`/`anyOf` alternatives: pairs them (by component name or title, then by
 * fingerprint, then by type and shared properties), compares each pair, and reports the rest as
 * added or removed. A value that matches two alternatives fails a `oneOf`, so alternatives that
 * overlap in a request's new `oneOf` reject values that were valid.
 */
export function compareUnion(step: SchemaStep): void {
  const { walker, vb, vh, site } = step;
  const { base, head } = walker.ctx;
  const nameOf = (v: SchemaView) =>
    v.name ?? (typeof v.keywords.title === "string" ? `title:${v.keywords.title}` : undefined);
  const {
    pairs,
    base: baseBranches,
    head: headBranches,
  } = pairSchemas(
    vb.branches ?? [vb.raw],
    vh.branches ?? [vh.raw],
    [
      (b, h) => {
        const n = nameOf(base.view(b));
        return n !== undefined && n === nameOf(head.view(h));
      },
      (b, h) => base.fingerprint(b) === head.fingerprint(h),
      (b, h) =>
        typeSignature(base.view(b)) === typeSignature(head.view(h)) &&
        propertyOverlap(base.view(b), head.view(h)),
    ],
    () => true,
  );

  for (const [b, h] of pairs) walker.descend(step, b, h, site, { ignoreNullable: true });
  // A base with a single alternative (`oneOf: [string]`) was already a union, just a short one.
  const baseKind = vb.unionKind ?? singleBranchKind(walker.ctx.base.flatten(vb.raw));
  const headKind = vh.unionKind ?? singleBranchKind(walker.ctx.head.flatten(vh.raw));
  for (const b of baseBranches) {
    walker.report(
      "branch-removed",
      site,
      `alternative ${describeBranch(base.view(b))} of ${what(site)} was removed`,
      baseKind === "anyOf" ? "any-of-removed" : "one-of-removed",
    );
  }
  const headPrints = new Map<string, number>();
  for (const h of vh.branches ?? []) {
    const fp = head.fingerprint(h);
    headPrints.set(fp, (headPrints.get(fp) ?? 0) + 1);
  }
  const basePrints = new Set((vb.branches ?? [vb.raw]).map((b) => base.fingerprint(b)));
  const kind = headKind ?? "oneOf";
  for (const h of headBranches) {
    const fp = head.fingerprint(h);
    // An alternative identical to one the client already handles accepts nothing new.
    const equivalent = basePrints.has(fp) || (headPrints.get(fp) ?? 0) > 1;
    const wrapped = baseKind === undefined;
    const message = `${what(site)} gained ${kind} alternative ${describeBranch(head.view(h))}${wrapped ? " (it was wrapped in a union)" : ""}${equivalent ? "; it accepts the same values as an existing one" : ""}`;
    // An alternative equal to an existing one accepts nothing new (in a oneOf a value matching
    // both even fails), so it is documentation; oasdiff still names one added to an anyOf.
    if (equivalent) {
      walker.report("docs-changed", site, message, kind === "anyOf" ? "any-of-added" : undefined);
      continue;
    }
    const key: SchemaChangeKey =
      kind === "anyOf" ? "any-of-added" : wrapped ? "wrapped-in-one-of" : "one-of-added";
    walker.report("branch-added", site, message, key);
  }
  if (site.direction === "request" && kind === "oneOf" && baseKind !== "oneOf") {
    const overlap = overlappingBranches(step);
    if (overlap) {
      walker.report(
        "constraint-tightened",
        site,
        `${what(site)} became a oneOf whose alternatives ${overlap} can both match one value; a value matching both is now rejected`,
      );
    }
  }
}

function singleBranchKind(flat: Schema): "oneOf" | "anyOf" | undefined {
  if (Array.isArray(flat.oneOf)) return "oneOf";
  if (Array.isArray(flat.anyOf)) return "anyOf";
  return undefined;
}

/**
 * Two alternatives of the head's `oneOf` that one value can satisfy at once: same type (or
 * untyped), no discriminating `const`/`enum` on a shared property, neither closed to the other's
 * properties. Described as "`A` and `B`", or undefined when the alternatives exclude each other.
 */
function overlappingBranches(step: SchemaStep): string | undefined {
  const { walker, vh } = step;
  const views = (vh.branches ?? []).map((b) => walker.ctx.head.view(b));
  for (let i = 0; i < views.length; i++) {
    for (let j = i + 1; j < views.length; j++) {
      const a = views[i] as SchemaView;
      const b = views[j] as SchemaView;
      if (a.types && b.types && ![...a.types].some((t) => b.types?.has(t))) continue;
      if (a.constValue || b.constValue || a.enumValues || b.enumValues) continue;
      if (discriminated(walker, a, b)) continue;
      if (a.additional === "closed" || b.additional === "closed") continue;
      return `${describeBranch(a)} and ${describeBranch(b)}`;
    }
  }
  return undefined;
}

/** Whether a shared property holds a different const or disjoint enums in the two alternatives. */
function discriminated(walker: SchemaStep["walker"], a: SchemaView, b: SchemaView): boolean {
  for (const [key, sa] of a.properties) {
    const sb = b.properties.get(key);
    if (!sb) continue;
    const va = walker.ctx.head.view(sa);
    const vb = walker.ctx.head.view(sb);
    const values = (v: SchemaView) =>
      v.constValue
        ? [JSON.stringify(v.constValue.value)]
        : v.enumValues?.map((e) => JSON.stringify(e));
    const xa = values(va);
    const xb = values(vb);
    if (xa && xb && !xa.some((x) => xb.includes(x))) return true;
  }
  return false;
}

function propertyOverlap(b: SchemaView, h: SchemaView): boolean {
  if (b.properties.size === 0 && h.properties.size === 0) return true;
  return [...b.properties.keys()].some((k) => h.properties.has(k));
}

/** How a message names one alternative. */
export function describeBranch(v: SchemaView): string {
  if (v.name) return `\`${v.name}\``;
  if (typeof v.keywords.title === "string") return `\`${v.keywords.title}\``;
  if (v.enumValues) return v.enumValues.map((e) => JSON.stringify(e)).join("|");
  if (v.properties.size > 0)
    return `object {${[...v.properties.keys()].slice(0, 4).join(", ")}${v.properties.size > 4 ? ", ..." : ""}}`;
  if (v.required.size > 0) return `{required: ${[...v.required].join(", ")}}`;
  return v.types ? [...v.types].join("|") : "any";
}
