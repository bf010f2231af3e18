import type { CompareContext } from "./context.js";
import type { SchemaComparer } from "./schema-walk.js";

type MediaType = Record<string, unknown>;

/** Which of a media type's schemas: the body's (`schema`) or one streamed item's (`itemSchema`, 3.2). */
const KINDS = {
  schema: {
    request: ["request-body-media-type-schema-added", "request-body-media-type-schema-removed"],
    response: ["response-body-media-type-schema-added", "response-body-media-type-schema-removed"],
  },
  itemSchema: {
    request: [
      "request-body-media-type-item-schema-added",
      "request-body-media-type-item-schema-removed",
    ],
    response: [
      "response-body-media-type-item-schema-added",
      "response-body-media-type-item-schema-removed",
    ],
  },
} as const;

/** Our rules for a schema appearing and disappearing, by side. */
const RULES_BY_DIRECTION = {
  request: ["request-media-type-schema-added", "request-media-type-schema-removed"],
  response: ["response-media-type-schema-added", "response-media-type-schema-removed"],
} as const;

/**
 * Compares the schemas of one media type both sides have. A schema that appears or disappears is
 * one change (oasdiff's `MediaTypeSchemaExistenceCheck`): in a request, a body that could be
 * anything now has a shape (breaking) or the other way (info); in a response, the reverse. A
 * schema on both sides is compared keyword by keyword.
 */
export function compareMediaTypeSchemas(
  ctx: CompareContext,
  schemas: SchemaComparer,
  at: { operation: string; direction: "request" | "response"; prefix: string; type: string },
  mb: MediaType,
  mh: MediaType,
): void {
  for (const kind of ["schema", "itemSchema"] as const) {
    const b = mb[kind];
    const h = mh[kind];
    if (b === undefined && h === undefined) continue;
    const location = kind === "schema" ? at.prefix : `${at.prefix} (itemSchema)`;
    if (b === undefined || h === undefined) {
      const added = b === undefined;
      const [addedId, removedId] = KINDS[kind][at.direction];
      const [addedRule, removedRule] = RULES_BY_DIRECTION[at.direction];
      ctx.emit(added ? addedRule : removedRule, {
        operation: at.operation,
        location,
        message: added
          ? `${kind} added to ${at.type}: it was any value`
          : `${kind} of ${at.type} removed: it may now be any value`,
        oasdiffIds: [added ? addedId : removedId],
      });
      continue;
    }
    schemas.compare(b, h, {
      operation: at.operation,
      direction: at.direction,
      scope: "body",
      prefix: location,
      path: "",
      mediaType: at.type,
    });
  }
}
