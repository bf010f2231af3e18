import type { SchemaView } from "./normalize.js";
import type { SchemaStep } from "./schema-walk.js";
import { below, what } from "./schema-walk.js";

/** Compares `items` and `prefixItems` of array schemas. */
export function compareArray(step: SchemaStep): void {
  const { walker, vb, vh, site } = step;
  if (!isArrayish(vb) && !isArrayish(vh)) return;
  const path = `${site.path}[]`;
  const widen = (message: string) =>
    site.direction === "response"
      ? walker.emit("response-shape-widened", site, message, undefined, true)
      : walker.report("constraint-relaxed", site, message, undefined, true);
  if (vb.items && vh.items) walker.descend(step, vb.items, vh.items, below(site, path));
  else if (!vb.items && vh.items && !vh.prefixItems)
    walker.report(
      "constraint-tightened",
      site,
      `items of ${what(site)} got a schema`,
      undefined,
      true,
    );
  else if (vb.items && !vh.items && !vb.prefixItems)
    widen(`items of ${what(site)} lost their schema`);
  if (!vb.prefixItems && !vh.prefixItems) return;
  if (!vb.prefixItems || !vh.prefixItems) {
    // oasdiff names prefixItems appearing or going as a whole, at the array's own scope
    const added = !vb.prefixItems;
    const message = `prefixItems of ${what(site)} ${added ? "added" : "removed"}`;
    const key = added ? "prefix-items-added" : "prefix-items-removed";
    if (site.direction === "request")
      walker.report(
        added ? "constraint-relaxed" : "constraint-tightened",
        site,
        message,
        key,
        true,
      );
    else if (added) walker.report("constraint-tightened", site, message, key, true);
    else walker.emit("response-structure-relaxed", site, message, key, true);
    return;
  }
  const n = Math.max(vb.prefixItems.length, vh.prefixItems.length);
  for (let i = 0; i < n; i++) {
    const b = vb.prefixItems[i] ?? vb.items;
    const h = vh.prefixItems[i] ?? vh.items;
    const child = below(site, `${site.path}[${i}]`);
    if (b && h) walker.descend(step, b, h, child);
    else if (!b && h)
      walker.report(
        "constraint-tightened",
        child,
        `item ${i} of ${what(site)} got a schema`,
        undefined,
        true,
      );
    else if (b && !h) widen(`item ${i} of ${what(site)} lost its schema`);
  }
}

/** Whether a schema describes an array (by type or by array keywords). */
export function isArrayish(v: SchemaView): boolean {
  return v.types?.has("array") === true || v.items !== undefined || v.prefixItems !== undefined;
}
