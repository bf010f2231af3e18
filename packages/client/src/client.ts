import type { paths as V2Paths } from "@heygen-openapi/types/v2";
import type { paths as V3Paths } from "@heygen-openapi/types/v3";
import openapiFetch, { type Client } from "openapi-fetch";
import { type HeyGenClientOptions, resolveConfig } from "./options.js";
import { createCaller } from "./request.js";
import { type AvatarGroups, avatarGroups } from "./resources/avatar-groups.js";
import { type PhotoAvatars, photoAvatars } from "./resources/photo-avatars.js";
import { send } from "./transport.js";

// openapi-fetch's CJS build sets `exports.default` without `__esModule`, so in our CJS build the
// default import is its exports object; unwrap it there.
const createClient =
  (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

declare const __CLIENT_VERSION__: string | undefined;

/** The package version, sent in the `User-Agent` header (`dev` when run from source). */
export const VERSION: string = typeof __CLIENT_VERSION__ === "string" ? __CLIENT_VERSION__ : "dev";

/**
 * A HeyGen API client. The credential lives only in closures, never in a property, so logging,
 * `JSON.stringify` or `util.inspect` of the client cannot show it.
 */
export interface HeyGenClient {
  avatarGroups: AvatarGroups;
  photoAvatars: PhotoAvatars;
  /**
   * openapi-fetch clients typed with the generated `paths`, for any operation the resources do not
   * cover. They share the client's auth, retries, timeouts, redirects and hooks; HTTP errors come
   * back as openapi-fetch's `{ error, response }`, failures to connect throw HeyGenErrors.
   */
  raw: { v2: Client<V2Paths>; v3: Client<V3Paths> };
}

/** Statuses whose responses carry no body (the Response constructor refuses one). */
const NULL_BODY = new Set([204, 205, 304]);

/**
 * Creates a client for HeyGen's avatar API. Options are validated at once (a bad one throws
 * HeyGenConfigurationError); the only required one is a credential, which defaults to the
 * `HEYGEN_API_KEY` environment variable.
 *
 * @example
 * const heygen = createHeyGenClient({ apiKey: process.env.HEYGEN_API_KEY });
 * const group = await heygen.avatarGroups.get("group_id");
 * const { data } = await heygen.raw.v3.GET("/v3/avatars", { params: { query: { limit: 5 } } });
 */
export function createHeyGenClient(options?: HeyGenClientOptions): HeyGenClient {
  const cfg = resolveConfig(options, VERSION);
  const call = createCaller(cfg);
  // openapi-fetch reads the body itself, so the raw clients get a fresh Response over the text
  const rawFetch = async (input: Request) => {
    const { response, text } = await send(
      cfg,
      {
        op: `${input.method} ${new URL(input.url).pathname}`,
        method: input.method,
        url: input.url,
        headers: input.headers,
        body: input.body ? await input.arrayBuffer() : undefined,
      },
      { signal: input.signal },
    );
    const headers = new Headers(response.headers);
    // The body is rebuilt from the text as sent, but decoded, so the original length and encoding
    // no longer apply; an
    // empty body says so, or openapi-fetch would try to parse "" (e.g. a 205 that announced one).
    const bodyText = NULL_BODY.has(response.status) ? "" : text;
    headers.delete("content-encoding");
    if (bodyText) headers.delete("content-length");
    else headers.set("content-length", "0");
    return new Response(bodyText || null, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
  const raw = () => createClient({ baseUrl: cfg.base, fetch: rawFetch });
  return {
    avatarGroups: avatarGroups(call, cfg.redact),
    photoAvatars: photoAvatars(call, cfg.redact),
    raw: { v2: raw() as Client<V2Paths>, v3: raw() as Client<V3Paths> },
  };
}
