import type { SchemaView } from "./normalize.js";
import type { SchemaSite, SchemaStep } from "./schema-walk.js";
import { below, what } from "./schema-walk.js";

/** Compares properties, `required` and `additionalProperties` of object schemas. */
export function compareObject(step: SchemaStep): void {
  const { walker, vb, vh, site } = step;
  if (!isObjectish(vb) && !isObjectish(vh)) return;
  const request = site.direction === "request";
  // Clients never send readOnly properties and never receive writeOnly ones.
  const hidden = request ? "readOnly" : "writeOnly";
  const isHidden = (v: SchemaView, k: string, n: "base" | "head") => {
    const s = v.properties.get(k);
    return s !== undefined && walker.ctx[n].flatten(s)[hidden] === true;
  };
  const header = site.scope === "parameter" && site.parameterIn === "header";
  const keys = new Set([
    ...vb.properties.keys(),
    ...vb.required,
    ...vh.properties.keys(),
    ...vh.required,
  ]);
  for (const k of keys) {
    // A property is its schema under `properties` (as oasdiff reads it); a name left in
    // `required` without one is only a requiredness, compared below.
    const inBase = vb.properties.has(k);
    const inHead = vh.properties.has(k);
    const reqBase = vb.required.has(k) && !isHidden(vb, k, "base");
    const reqHead = vh.required.has(k) && !isHidden(vh, k, "head");
    const sb = vb.properties.get(k);
    const sh = vh.properties.get(k);
    // A default is the server's fallback, not a validity rule: a request without the property is
    // still invalid, so oasdiff only names it apart, at the same level.
    const withDefault = sh !== undefined && "default" in walker.ctx.head.flatten(sh);
    // readOnly in a request, writeOnly in a response: the client never sends / never gets it
    const hiddenNow = inHead ? isHidden(vh, k, "head") : isHidden(vb, k, "base");
    const child: SchemaSite = {
      ...below(site, site.path ? `${site.path}.${k}` : k),
      requiredInBase: vb.required.has(k),
      ...(hiddenNow ? { hiddenProperty: true } : {}),
    };
    const label = `\`${child.path}\``;
    if (!request && site.scope === "body" && hiddenNow) {
      compareWriteOnly(step, k, child);
      if (sb && sh) walker.descend(step, sb, sh, child);
      continue;
    }
    if (inBase && !inHead) {
      if (request) {
        if (vh.additional === "closed")
          walker.emit(
            "request-property-removed-closed",
            child,
            `property ${label} was removed and extra properties are rejected`,
            { id: "request-property-removed" },
          );
        else if (!isHidden(vb, k, "base"))
          walker.emit("request-property-removed", child, `property ${label} was removed`, {
            id: "request-property-removed",
          });
      } else if (reqBase)
        walker.emit(
          "response-required-property-removed",
          child,
          `required property ${label} was removed`,
          {
            id: "response-required-property-removed",
          },
        );
      else if (!isHidden(vb, k, "base"))
        walker.emit(
          "response-optional-property-removed",
          child,
          `optional property ${label} was removed`,
          {
            id: "response-optional-property-removed",
          },
        );
      if (!vh.required.has(k)) continue;
    } else if (!inBase && inHead) {
      if (request) {
        // oasdiff names new properties of a body, and required ones of a header's object
        const body = site.scope === "body";
        if (reqHead) {
          walker.emit(
            "request-property-added-required",
            child,
            `new required property ${label}`,
            body
              ? {
                  id: withDefault
                    ? "new-required-request-property-with-default"
                    : "new-required-request-property",
                }
              : header
                ? { id: "new-required-request-header-property" }
                : undefined,
          );
        } else
          walker.emit(
            "request-property-added-optional",
            child,
            `new optional property ${label}`,
            body ? { id: "new-optional-request-property" } : undefined,
          );
      } else if (!isHidden(vh, k, "head"))
        walker.emit(
          "response-property-added",
          child,
          `new ${reqHead ? "required" : "optional"} property ${label}`,
          { id: reqHead ? "response-required-property-added" : "response-optional-property-added" },
        );
      if (!vb.required.has(k)) continue;
    }
    if (reqBase !== reqHead) {
      const message = `property ${label} ${reqHead ? "became required" : "became optional"}`;
      if (reqHead)
        walker.report(
          "property-became-required",
          child,
          request && withDefault
            ? `${message} (it has a default, but a request without it is invalid)`
            : message,
          {
            id: !request
              ? "response-property-became-required"
              : header
                ? "request-header-property-became-required"
                : withDefault
                  ? "request-property-became-required-with-default"
                  : "request-property-became-required",
          },
        );
      else
        walker.report("property-became-optional", child, message, {
          id: request ? "request-property-became-optional" : "response-property-became-optional",
        });
    }
    if (sb && sh) walker.descend(step, sb, sh, child);
  }
  compareAdditional(step);
}

/**
 * A response property writeOnly on the side that has it: the client never receives it, so its
 * coming, going and requiredness are info, under oasdiff's write-only ids.
 */
function compareWriteOnly(step: SchemaStep, k: string, child: SchemaSite): void {
  const { walker, vb, vh } = step;
  const inBase = vb.properties.has(k);
  const inHead = vh.properties.has(k);
  const label = `\`${child.path}\``;
  if (inBase && !inHead) {
    const required = vb.required.has(k);
    walker.emit(
      required ? "response-required-property-removed" : "response-optional-property-removed",
      child,
      `writeOnly property ${label} was removed (responses never carried it)`,
      {
        id: required
          ? "response-required-write-only-property-removed"
          : "response-optional-write-only-property-removed",
      },
    );
    return;
  }
  if (!inBase && inHead) {
    const required = vh.required.has(k);
    walker.emit(
      "response-property-added",
      child,
      `new writeOnly property ${label} (responses do not carry it)`,
      {
        id: required
          ? "response-required-write-only-property-added"
          : "response-optional-write-only-property-added",
      },
    );
    return;
  }
  const rb = vb.required.has(k);
  const rh = vh.required.has(k);
  if (rb !== rh) {
    walker.report(
      rh ? "property-became-required" : "property-became-optional",
      child,
      `writeOnly property ${label} ${rh ? "became required" : "became optional"}`,
      {
        id: rh
          ? "response-write-only-property-became-required"
          : "response-write-only-property-became-optional",
      },
    );
  }
}

function compareAdditional(step: SchemaStep): void {
  const { walker, vb, vh, site } = step;
  const ab = vb.additional;
  const ah = vh.additional;
  if (ab === ah) return;
  if (typeof ab === "object" && typeof ah === "object") {
    walker.descend(step, ab, ah, below(site, `${site.path || ""}{*}`));
    return;
  }
  const rank = (a: typeof ab) => (a === "open" ? 2 : a === "closed" ? 0 : 1);
  const tighter = rank(ah) < rank(ab);
  const describe = (a: typeof ab) =>
    a === "open" ? "allowed" : a === "closed" ? "forbidden" : "restricted by a schema";
  const message = `additional properties of ${what(site)}: ${describe(ab)} → ${describe(ah)}`;
  if (tighter) walker.report("constraint-tightened", site, message, undefined, true);
  else if (site.direction === "response")
    walker.emit("response-shape-widened", site, message, undefined, true);
  else walker.report("constraint-relaxed", site, message, undefined, true);
}

/** Whether a schema describes an object (by type or by object keywords). */
export function isObjectish(v: SchemaView): boolean {
  return (
    v.types?.has("object") === true ||
    v.properties.size > 0 ||
    v.required.size > 0 ||
    v.additional !== "open"
  );
}
