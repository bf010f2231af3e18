import type { OperationKey } from "@heygen-openapi/types";
import { invalidParameter, notFound } from "./error-bodies.js";
import { BadPageToken, pageOf } from "./list-pages.js";
import { type Operation, type OperationResult, ok, queryValue } from "./operation-context.js";
import { endpointUrlProblem, endpointView } from "./webhook-store.js";

type Body = Record<string, unknown>;

const endpointMissing: OperationResult = {
  error: notFound("webhook_endpoint_not_found", "Webhook endpoint not found."),
};

const page = <T>(
  items: { seq: number; value: T }[],
  query: Record<string, string | string[]>,
  scope: string,
) => {
  try {
    return {
      status: 200,
      body: pageOf(
        items,
        queryValue(query, "token"),
        Number(queryValue(query, "limit") ?? 10),
        scope,
      ),
    };
  } catch (error) {
    if (error instanceof BadPageToken) return { error: invalidParameter("token", error.message) };
    throw error;
  }
};

/** Webhook endpoints (secret only on create and rotate), event types and the events sent. */
export const WEBHOOK_OPERATIONS = {
  "GET /v3/webhooks/event-types": ({ enumValues }) => ({
    status: 200,
    body: {
      data: enumValues("WebhookEventType").map((type) => ({
        event_type: type,
        description: describeEvent(type),
      })),
      has_more: false,
      next_token: null,
    },
  }),
  "POST /v3/webhooks/endpoints": ({ webhooks }, { body }) => {
    const b = body as Body;
    const problem = endpointUrlProblem(String(b.url));
    if (problem) return { error: invalidParameter("url", problem) };
    const endpoint = webhooks.create({
      url: String(b.url),
      events: Array.isArray(b.events) ? (b.events as string[]) : null,
      entity_id: typeof b.entity_id === "string" ? b.entity_id : null,
    });
    return ok(endpointView(endpoint, true));
  },
  "GET /v3/webhooks/endpoints": ({ webhooks, route }, { query }) =>
    page(
      webhooks.endpoints().map((e) => ({ seq: e.seq, value: endpointView(e, false) })),
      query,
      route.key,
    ),
  "PATCH /v3/webhooks/endpoints/{endpoint_id}": ({ webhooks }, { params, body }) => {
    const b = (body ?? {}) as Body;
    if (typeof b.url === "string") {
      const problem = endpointUrlProblem(b.url);
      if (problem) return { error: invalidParameter("url", problem) };
    }
    const endpoint = webhooks.update(params.endpoint_id!, {
      ...(typeof b.url === "string" ? { url: b.url } : {}),
      ...("events" in b ? { events: Array.isArray(b.events) ? (b.events as string[]) : null } : {}),
    });
    return endpoint ? ok(endpointView(endpoint, false)) : endpointMissing;
  },
  "DELETE /v3/webhooks/endpoints/{endpoint_id}": ({ webhooks }, { params }) =>
    webhooks.remove(params.endpoint_id!)
      ? ok({ endpoint_id: params.endpoint_id, deleted: true })
      : endpointMissing,
  "POST /v3/webhooks/endpoints/{endpoint_id}/rotate-secret": ({ webhooks }, { params }) => {
    const endpoint = webhooks.rotate(params.endpoint_id!);
    return endpoint
      ? ok({ endpoint_id: endpoint.endpoint_id, secret: endpoint.secret })
      : endpointMissing;
  },
  "GET /v3/webhooks/events": ({ webhooks, route }, { query }) => {
    const type = queryValue(query, "event_type");
    const entity = queryValue(query, "entity_id");
    const items = webhooks
      .events()
      .filter(
        (e) =>
          (type === undefined || e.value.event_type === type) &&
          (entity === undefined || e.entityId === entity),
      )
      .map(({ seq, value }) => ({ seq, value }));
    return page(items, query, `${route.key}?${type ?? ""}&${entity ?? ""}`);
  },
} satisfies Partial<Record<OperationKey, Operation>>;

/** "avatar_video.success" -> "Fired when an avatar video completes successfully." */
function describeEvent(type: string): string {
  const [subject = type, outcome] = type.split(".");
  const what = subject.replace(/_/g, " ");
  if (outcome === "success") return `Fired when ${article(what)} ${what} completes successfully.`;
  if (outcome === "fail") return `Fired when ${article(what)} ${what} fails.`;
  return `Fired for ${what} events.`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}
