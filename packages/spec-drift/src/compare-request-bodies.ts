import { compareMediaTypeSchemas } from "./compare-media-type.js";
import type { CompareContext } from "./context.js";
import { isRecord } from "./json.js";
import type { SchemaComparer } from "./schema-walk.js";

/** Media types keyed without parameters (`application/json; charset=utf-8` is `application/json`). */
export function contentMap(content: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!isRecord(content)) return out;
  for (const [type, media] of Object.entries(content)) {
    const key = type.split(";")[0]?.trim().toLowerCase() ?? type;
    if (!out.has(key)) out.set(key, isRecord(media) ? media : {});
  }
  return out;
}

/** Compares the request bodies of one operation present in both documents. */
export function compareRequestBodies(
  ctx: CompareContext,
  schemas: SchemaComparer,
  operation: string,
  base: unknown,
  head: unknown,
): void {
  const b = isRecord(base) ? base : undefined;
  const h = isRecord(head) ? head : undefined;
  if (!b && !h) return;
  const loc = { operation, location: "request body" };
  if (!b && h) {
    const required = h.required === true;
    ctx.emit(required ? "request-body-added-required" : "request-body-added-optional", {
      ...loc,
      message: `a ${required ? "required" : "optional"} request body was added`,
      oasdiffIds: [required ? "request-body-added-required" : "request-body-added-optional"],
    });
    return;
  }
  if (b && !h) {
    ctx.emit("request-body-removed", {
      ...loc,
      message: "the request body was removed",
      oasdiffIds: ["request-body-removed"],
    });
    return;
  }
  if (!b || !h) return;
  if ((b.required === true) !== (h.required === true)) {
    const required = h.required === true;
    ctx.emit(required ? "request-body-became-required" : "request-body-became-optional", {
      ...loc,
      message: required ? "the request body became required" : "the request body became optional",
      oasdiffIds: [required ? "request-body-became-required" : "request-body-became-optional"],
    });
  }
  if (b.description !== h.description)
    ctx.emit("request-docs-changed", {
      ...loc,
      message: "description of the request body changed",
    });
  const cb = contentMap(b.content);
  const ch = contentMap(h.content);
  for (const type of new Set([...cb.keys(), ...ch.keys()])) {
    const mb = cb.get(type);
    const mh = ch.get(type);
    const where = { operation, location: `request body ${type}` };
    if (mb && !mh)
      ctx.emit("request-media-type-removed", {
        ...where,
        message: `request media type ${type} is no longer accepted`,
        oasdiffIds: ["request-body-media-type-removed"],
      });
    else if (!mb && mh)
      ctx.emit("request-media-type-added", {
        ...where,
        message: `request media type ${type} is now accepted`,
        oasdiffIds: ["request-body-media-type-added"],
      });
    else if (mb && mh)
      compareMediaTypeSchemas(
        ctx,
        schemas,
        { operation, direction: "request", prefix: `request body ${type}`, type },
        mb,
        mh,
      );
  }
}
