import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  listWebhookEvents,
  listWebhookEventTypes,
  rotateWebhookEndpointSecret,
  updateWebhookEndpoint,
} from "@heygen-openapi/types";
import type { Core } from "../core.js";
import type { Body, Query } from "../operation-types.js";
import type { RequestOptions } from "../options.js";

/**
 * Webhooks (v3): the endpoints HeyGen delivers events to, the events it sent, the event types.
 * Deliveries are checked with `verifyWebhook` (exported by this package).
 *
 * @example
 * const endpoint = await heygen.webhooks.endpoints.create({ url, events: ["avatar_video.success"] });
 * saveSecret(endpoint.secret); // shown only here and by rotateSecret
 */
export function webhooks(core: Core) {
  return {
    endpoints: {
      /** `POST /v3/webhooks/endpoints`: resolves to the endpoint with its signing `secret`. */
      create: (body: Body<"POST /v3/webhooks/endpoints">, options?: RequestOptions) =>
        core.call(createWebhookEndpoint, { body }, options),
      /** `GET /v3/webhooks/endpoints`: awaitable first page, `for await` over every endpoint. */
      list: (params?: Query<"GET /v3/webhooks/endpoints">, options?: RequestOptions) =>
        core.list(listWebhookEndpoints, { query: params }, options),
      /** `PATCH /v3/webhooks/endpoints/{endpoint_id}`: changes the URL or the events. */
      update: (
        endpointId: string,
        body: Body<"PATCH /v3/webhooks/endpoints/{endpoint_id}">,
        options?: RequestOptions,
      ) => core.call(updateWebhookEndpoint, { path: { endpoint_id: endpointId }, body }, options),
      /** `DELETE /v3/webhooks/endpoints/{endpoint_id}`. */
      delete: (endpointId: string, options?: RequestOptions) =>
        core.call(
          deleteWebhookEndpoint,
          { path: { endpoint_id: endpointId } },
          options,
          "optional",
        ),
      /** `POST /v3/webhooks/endpoints/{endpoint_id}/rotate-secret`: the old secret stops at once. */
      rotateSecret: (endpointId: string, options?: RequestOptions) =>
        core.call(rotateWebhookEndpointSecret, { path: { endpoint_id: endpointId } }, options),
    },
    events: {
      /** `GET /v3/webhooks/events`: the events HeyGen sent, newest first, paginated. */
      list: (params?: Query<"GET /v3/webhooks/events">, options?: RequestOptions) =>
        core.list(listWebhookEvents, { query: params }, options),
    },
    eventTypes: {
      /** `GET /v3/webhooks/event-types`: every event type an endpoint can subscribe to. */
      list: (options?: RequestOptions) => core.call(listWebhookEventTypes, {}, options, "list"),
    },
  };
}

/** The `webhooks` resource. */
export type Webhooks = ReturnType<typeof webhooks>;
