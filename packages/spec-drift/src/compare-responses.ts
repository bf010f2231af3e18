import { compareMediaTypeSchemas } from "./compare-media-type.js";
import { contentMap } from "./compare-request-bodies.js";
import { type CompareContext, isSuccessStatus } from "./context.js";
import { isRecord } from "./json.js";
import type { SchemaComparer } from "./schema-walk.js";

function statusMap(responses: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!isRecord(responses)) return out;
  for (const [status, response] of Object.entries(responses))
    out.set(status.toUpperCase(), isRecord(response) ? response : {});
  return out;
}

function headerMap(headers: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!isRecord(headers)) return out;
  for (const [name, header] of Object.entries(headers)) {
    if (name.toLowerCase() !== "content-type")
      out.set(name.toLowerCase(), isRecord(header) ? header : {});
  }
  return out;
}

/** Compares the responses of one operation present in both documents. */
export function compareResponses(
  ctx: CompareContext,
  schemas: SchemaComparer,
  operation: string,
  base: unknown,
  head: unknown,
): void {
  const rb = statusMap(base);
  const rh = statusMap(head);
  for (const status of new Set([...rb.keys(), ...rh.keys()])) {
    const b = rb.get(status);
    const h = rh.get(status);
    const loc = { operation, location: `response ${status}` };
    if (b && !h) {
      const success = isSuccessStatus(status);
      ctx.emit(success ? "response-success-status-removed" : "response-status-removed", {
        ...loc,
        message: `response status ${status} was removed`,
        oasdiffIds: [
          success ? "response-success-status-removed" : "response-non-success-status-removed",
        ],
      });
      continue;
    }
    if (!b && h) {
      ctx.emit("response-status-added", {
        ...loc,
        message: `response status ${status} was added`,
        oasdiffIds: [
          isSuccessStatus(status)
            ? "response-success-status-added"
            : "response-non-success-status-added",
        ],
      });
      continue;
    }
    if (!b || !h) continue;
    if (b.description !== h.description)
      ctx.emit("response-docs-changed", {
        ...loc,
        message: `description of response ${status} changed`,
      });
    compareHeaders(ctx, schemas, operation, status, b.headers, h.headers);
    const cb = contentMap(b.content);
    const ch = contentMap(h.content);
    for (const type of new Set([...cb.keys(), ...ch.keys()])) {
      const mb = cb.get(type);
      const mh = ch.get(type);
      const where = { operation, location: `response ${status} ${type}` };
      if (mb && !mh)
        ctx.emit("response-media-type-removed", {
          ...where,
          message: `response ${status} no longer comes as ${type}`,
          oasdiffIds: ["response-media-type-removed"],
        });
      else if (!mb && mh)
        ctx.emit("response-media-type-added", {
          ...where,
          message: `response ${status} may now come as ${type}`,
          oasdiffIds: ["response-media-type-added"],
        });
      else if (mb && mh)
        compareMediaTypeSchemas(
          ctx,
          schemas,
          { operation, direction: "response", prefix: `response ${status} ${type}`, type },
          mb,
          mh,
        );
    }
  }
}

function compareHeaders(
  ctx: CompareContext,
  schemas: SchemaComparer,
  operation: string,
  status: string,
  base: unknown,
  head: unknown,
): void {
  const hb = headerMap(base);
  const hh = headerMap(head);
  for (const name of new Set([...hb.keys(), ...hh.keys()])) {
    const b = hb.get(name);
    const h = hh.get(name);
    const loc = { operation, location: `response ${status} header ${name}` };
    if (b && !h) {
      const required = b.required === true;
      ctx.emit(required ? "response-required-header-removed" : "response-optional-header-removed", {
        ...loc,
        message: `${required ? "required" : "optional"} response header ${name} was removed`,
        oasdiffIds: [
          required ? "required-response-header-removed" : "optional-response-header-removed",
        ],
      });
    } else if (!b && h) {
      ctx.emit("response-header-added", { ...loc, message: `response header ${name} was added` });
    } else if (b && h) {
      if (b.required === true && h.required !== true) {
        ctx.emit("response-header-became-optional", {
          ...loc,
          message: `response header ${name} became optional`,
          oasdiffIds: ["response-header-became-optional"],
        });
      }
      if (b.schema !== undefined || h.schema !== undefined) {
        schemas.compare(b.schema, h.schema, {
          operation,
          direction: "response",
          scope: "header",
          prefix: `response ${status} header ${name}`,
          path: "",
        });
      }
    }
  }
}
