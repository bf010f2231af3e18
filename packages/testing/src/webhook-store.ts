import type { WebhookEndpoint, WebhookEvent } from "@heygen-openapi/types";
import type { Random } from "./random.js";

/** A webhook endpoint as the fake keeps it: the API's view plus its current secret. */
export interface StoredEndpoint extends WebhookEndpoint {
  entity_id: string | null;
  /** The current signing secret (`whsec_...`); rotation replaces it at once. */
  secret: string;
  seq: number;
}

/** The webhook endpoints and the events sent, of one fake. */
export interface WebhookStore {
  create(fields: {
    url: string;
    events: string[] | null;
    entity_id: string | null;
  }): StoredEndpoint;
  get(id: string): StoredEndpoint | undefined;
  update(
    id: string,
    fields: { url?: string; events?: string[] | null },
  ): StoredEndpoint | undefined;
  rotate(id: string): StoredEndpoint | undefined;
  remove(id: string): boolean;
  /** Every endpoint, newest first. */
  endpoints(): StoredEndpoint[];
  /** The enabled endpoints subscribed to `eventType` (`events: null` subscribes to all). */
  subscribers(eventType: string): StoredEndpoint[];
  /** Records an event as sent; returns it as the events listing shows it. */
  addEvent(eventType: string, data: Record<string, unknown>, entityId: string | null): WebhookEvent;
  /** Every event sent, newest first, with the entity it concerns. */
  events(): { seq: number; entityId: string | null; value: WebhookEvent }[];
  reset(): void;
}

/** The API's view of an endpoint: the secret only where the caller asks for it. */
export function endpointView(endpoint: StoredEndpoint, showSecret: boolean): WebhookEndpoint {
  const { entity_id: _entity, secret, seq: _seq, ...view } = endpoint;
  return {
    ...view,
    events: view.events ? [...view.events] : null,
    secret: showSecret ? secret : null,
  };
}

/**
 * Why `url` cannot be a webhook endpoint, or undefined when it can. HeyGen demands HTTPS; the
 * fake also takes `http://` on loopback (127.0.0.0/8, `localhost`, `[::1]`) so a test's receiver
 * can run locally.
 */
export function endpointUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "url must be an absolute URL.";
  }
  if (parsed.protocol === "https:") return undefined;
  if (parsed.protocol === "http:" && isLoopback(parsed.hostname)) return undefined;
  return "url must be an HTTPS URL (the fake also takes http:// on 127.0.0.0/8, localhost and [::1]).";
}

/** Whether `hostname` (as `URL.hostname` gives it) is a loopback address. */
export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Creates the webhook store of one fake. */
export function createWebhookStore(random: () => Random, now: () => number): WebhookStore {
  const endpoints = new Map<string, StoredEndpoint>();
  const sent: { seq: number; entityId: string | null; value: WebhookEvent }[] = [];
  let rng = random();
  let seq = 0;
  const secret = () => `whsec_${Buffer.from(rng.hex(48), "hex").toString("base64")}`;
  const iso = () => new Date(now()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const copy = (e: StoredEndpoint): StoredEndpoint => ({
    ...e,
    events: e.events ? [...e.events] : null,
  });

  return {
    create(fields) {
      const endpoint: StoredEndpoint = {
        endpoint_id: `ep_${rng.hex(24)}`,
        url: fields.url,
        events: fields.events ? [...fields.events] : null,
        status: "enabled",
        created_at: iso(),
        entity_id: fields.entity_id,
        secret: secret(),
        seq: ++seq,
      };
      endpoints.set(endpoint.endpoint_id, endpoint);
      return copy(endpoint);
    },
    get: (id) => {
      const endpoint = endpoints.get(id);
      return endpoint ? copy(endpoint) : undefined;
    },
    update(id, fields) {
      const endpoint = endpoints.get(id);
      if (!endpoint) return undefined;
      if (fields.url !== undefined) endpoint.url = fields.url;
      // `events` replaces the list (null: every event).
      if (fields.events !== undefined) endpoint.events = fields.events ? [...fields.events] : null;
      return copy(endpoint);
    },
    rotate(id) {
      const endpoint = endpoints.get(id);
      if (!endpoint) return undefined;
      endpoint.secret = secret();
      return copy(endpoint);
    },
    remove: (id) => endpoints.delete(id),
    endpoints: () => [...endpoints.values()].sort((a, b) => b.seq - a.seq).map(copy),
    subscribers: (eventType) =>
      [...endpoints.values()]
        .filter((e) => e.status === "enabled" && (e.events == null || e.events.includes(eventType)))
        .sort((a, b) => a.seq - b.seq)
        .map(copy),
    addEvent(eventType, data, entityId) {
      const value: WebhookEvent = {
        event_id: `evt_${rng.hex(24)}`,
        event_type: eventType,
        event_data: structuredClone(data),
        created_at: iso(),
      };
      sent.push({ seq: sent.length + 1, entityId, value });
      return structuredClone(value);
    },
    events: () =>
      sent
        .slice()
        .reverse()
        .map((e) => ({ ...e, value: structuredClone(e.value) })),
    reset() {
      endpoints.clear();
      sent.length = 0;
      seq = 0;
      rng = random();
    },
  };
}
