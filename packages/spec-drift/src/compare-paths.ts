import { collectParameters, compareParameters } from "./compare-parameters.js";
import { compareRequestBodies, contentMap } from "./compare-request-bodies.js";
import { compareResponses } from "./compare-responses.js";
import { compareOperationSecurity } from "./compare-security.js";
import { type CompareContext, METHODS } from "./context.js";
import { isRecord, stableStringify } from "./json.js";
import type { SchemaComparer } from "./schema-walk.js";
import type { OpenAPIDocument } from "./types.js";

type Item = Record<string, unknown>;

/** Paths keyed by their template with parameter names erased, so `/a/{id}` matches `/a/{group_id}`. */
function pathMap(paths: unknown): Map<string, { path: string; item: Item }> {
  const out = new Map<string, { path: string; item: Item }>();
  if (!isRecord(paths)) return out;
  for (const [path, item] of Object.entries(paths)) {
    if (isRecord(item))
      out.set(path.replace(/\{[^}]*\}/g, "{}").replace(/\/+$/, "") || "/", { path, item });
  }
  return out;
}

/** Compares every path, operation and webhook of two documents. */
export function compareOperations(
  ctx: CompareContext,
  schemas: SchemaComparer,
  base: OpenAPIDocument,
  head: OpenAPIDocument,
): void {
  const pb = pathMap(base.paths);
  const ph = pathMap(head.paths);
  for (const key of new Set([...pb.keys(), ...ph.keys()])) {
    const b = pb.get(key);
    const h = ph.get(key);
    for (const method of METHODS) {
      const ob = b && isRecord(b.item[method]) ? (b.item[method] as Item) : undefined;
      const oh = h && isRecord(h.item[method]) ? (h.item[method] as Item) : undefined;
      const operation = `${method.toUpperCase()} ${(h ?? b)?.path ?? key}`;
      if (ob && !oh) reportRemoved(ctx, operation, ob, b?.item ?? {}, !h);
      else if (!ob && oh) {
        ctx.emit("operation-added", {
          operation,
          location: "operation",
          message: `${operation} was added`,
          oasdiffIds: ["endpoint-added"],
        });
      } else if (ob && oh && b && h) {
        compareOperation(
          ctx,
          schemas,
          operation,
          { doc: base, path: b.path, item: b.item, op: ob },
          { doc: head, path: h.path, item: h.item, op: oh },
        );
      }
    }
  }
  const wb = isRecord(base.webhooks) ? base.webhooks : {};
  const wh = isRecord(head.webhooks) ? head.webhooks : {};
  for (const name of new Set([...Object.keys(wb), ...Object.keys(wh)])) {
    const operation = `webhook ${name}`;
    if (!(name in wh))
      ctx.emit("webhook-removed", {
        operation,
        location: "webhook",
        message: `webhook ${name} was removed`,
        oasdiffIds: ["webhook-removed"],
      });
    else if (!(name in wb))
      ctx.emit("webhook-added", {
        operation,
        location: "webhook",
        message: `webhook ${name} was added`,
        oasdiffIds: ["webhook-added"],
      });
    else comparePayloads(ctx, schemas, operation, wb[name], wh[name]);
  }
}

/**
 * A webhook's request is what the consumer receives, so its payload is judged like a response:
 * anything the consumer's types did not allow is breaking.
 */
function comparePayloads(
  ctx: CompareContext,
  schemas: SchemaComparer,
  operation: string,
  base: unknown,
  head: unknown,
): void {
  if (!isRecord(base) || !isRecord(head)) return;
  for (const method of METHODS) {
    const ob = isRecord(base[method]) ? base[method] : undefined;
    const oh = isRecord(head[method]) ? head[method] : undefined;
    if (!ob || !oh) continue;
    const requiredB = isRecord(ob.requestBody) && ob.requestBody.required === true;
    const requiredH = isRecord(oh.requestBody) && oh.requestBody.required === true;
    if (isRecord(ob.requestBody) && isRecord(oh.requestBody) && requiredB !== requiredH) {
      // the receiver's handler: a payload that may now be absent is one its types did not allow
      ctx.emit(requiredH ? "response-constraint-tightened" : "response-shape-widened", {
        operation,
        location: "webhook payload",
        message: requiredH
          ? "every delivery now carries a payload"
          : "deliveries may now come without a payload",
        affectsTypes: true,
      });
    }
    const cb = contentMap(isRecord(ob.requestBody) ? ob.requestBody.content : undefined);
    const ch = contentMap(isRecord(oh.requestBody) ? oh.requestBody.content : undefined);
    for (const [type, mb] of cb) {
      const mh = ch.get(type);
      const prefix = `webhook payload ${type}`;
      if (!mh) {
        ctx.emit("response-media-type-removed", {
          operation,
          location: prefix,
          message: `webhook payloads no longer come as ${type}`,
        });
      } else {
        schemas.compare(mb.schema, mh.schema, {
          operation,
          direction: "response",
          scope: "body",
          prefix,
          path: "",
          mediaType: type,
        });
      }
    }
    for (const type of ch.keys()) {
      if (!cb.has(type))
        ctx.emit("response-media-type-added", {
          operation,
          location: `webhook payload ${type}`,
          message: `webhook payloads may now come as ${type}`,
        });
    }
  }
}

function reportRemoved(
  ctx: CompareContext,
  operation: string,
  op: Item,
  item: Item,
  wholePath: boolean,
): void {
  const deprecated = op.deprecated === true || item.deprecated === true;
  const sunset = typeof op["x-sunset"] === "string" ? op["x-sunset"] : undefined;
  if (deprecated && sunset && Date.parse(sunset) > Date.now()) {
    ctx.emit("operation-removed-before-sunset", {
      operation,
      location: "operation",
      message: `${operation} was removed before its sunset date ${sunset}`,
      oasdiffIds: [wholePath ? "api-path-removed-before-sunset" : "api-removed-before-sunset"],
    });
  } else if (deprecated) {
    ctx.emit("operation-removed-deprecated", {
      operation,
      location: "operation",
      message: `deprecated ${operation} was removed${sunset ? ` (sunset ${sunset})` : ""}`,
      oasdiffIds: [
        wholePath ? "api-path-removed-with-deprecation" : "api-removed-with-deprecation",
      ],
    });
  } else {
    ctx.emit("operation-removed", {
      operation,
      location: "operation",
      message: `${operation} was removed`,
      oasdiffIds: [
        wholePath ? "api-path-removed-without-deprecation" : "api-removed-without-deprecation",
      ],
    });
  }
}

interface Side {
  doc: OpenAPIDocument;
  path: string;
  item: Item;
  op: Item;
}

function compareOperation(
  ctx: CompareContext,
  schemas: SchemaComparer,
  operation: string,
  b: Side,
  h: Side,
): void {
  const loc = { operation, location: "operation" };
  if (b.op.operationId !== h.op.operationId) {
    const had = typeof b.op.operationId === "string" && b.op.operationId !== "";
    ctx.emit("operation-id-changed", {
      ...loc,
      message: `operationId changed from ${String(b.op.operationId ?? "none")} to ${String(h.op.operationId ?? "none")}`,
      // one that was there and went or changed breaks code generated from it; a new one does not
      oasdiffIds: [had ? "api-operation-id-removed" : "api-operation-id-added"],
    });
  }
  const docs = ["summary", "description"].filter(
    (k) => stableStringify(b.op[k]) !== stableStringify(h.op[k]),
  );
  if (docs.length > 0)
    ctx.emit("operation-docs-changed", {
      ...loc,
      message: `${docs.join(", ")} of ${operation} changed`,
    });
  const tags = (op: Record<string, unknown>) =>
    new Set(Array.isArray(op.tags) ? op.tags.filter((t) => typeof t === "string") : []);
  const tb = tags(b.op);
  const th = tags(h.op);
  for (const tag of th)
    if (!tb.has(tag))
      ctx.emit("operation-docs-changed", {
        ...loc,
        message: `tag ${tag} was added to ${operation}`,
        oasdiffIds: ["api-tag-added"],
      });
  for (const tag of tb)
    if (!th.has(tag))
      ctx.emit("operation-docs-changed", {
        ...loc,
        message: `tag ${tag} was removed from ${operation}`,
        oasdiffIds: ["api-tag-removed"],
      });
  if (Boolean(b.op.deprecated) !== Boolean(h.op.deprecated)) {
    ctx.emit("operation-deprecated", {
      ...loc,
      message: `${operation} ${h.op.deprecated ? "became deprecated" : "is no longer deprecated"}`,
      oasdiffIds: [h.op.deprecated ? "endpoint-deprecated" : "endpoint-reactivated"],
    });
  }
  compareOperationSecurity(
    ctx,
    operation,
    b.op.security ?? b.doc.security,
    h.op.security ?? h.doc.security,
  );
  compareParameters(
    ctx,
    schemas,
    operation,
    collectParameters(b.path, b.item, b.op),
    collectParameters(h.path, h.item, h.op),
    new Set(Array.isArray(h.item.parameters) ? h.item.parameters : []),
  );
  compareRequestBodies(ctx, schemas, operation, b.op.requestBody, h.op.requestBody);
  compareResponses(ctx, schemas, operation, b.op.responses, h.op.responses);
}
