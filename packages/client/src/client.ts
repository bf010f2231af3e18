import type { paths as V2Paths } from "@heygen-openapi/types/v2";
import type { paths as V3Paths } from "@heygen-openapi/types/v3";
import openapiFetch, { type Client } from "openapi-fetch";
import { type Core, createCore } from "./core.js";
import { type HeyGenClientOptions, resolveConfig } from "./options.js";
import { type Assets, assets } from "./resources/assets.js";
import { type AvatarGroups, avatarGroups } from "./resources/avatar-groups.js";
import { type Avatars, avatars } from "./resources/avatars.js";
import { type Lipsyncs, lipsyncs } from "./resources/lipsyncs.js";
import { type PhotoAvatars, photoAvatars } from "./resources/photo-avatars.js";
import { type Users, users } from "./resources/users.js";
import { type VideoAgents, videoAgents } from "./resources/video-agents.js";
import { type VideoTranslations, videoTranslations } from "./resources/video-translations.js";
import { type Videos, videos } from "./resources/videos.js";
import { type Voices, voices } from "./resources/voices.js";
import { type Webhooks, webhooks } from "./resources/webhooks.js";

// openapi-fetch's CJS build sets `exports.default` without `__esModule`, so in our CJS build the
// default import is its exports object; unwrap it there.
const createClient =
  (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

declare const __CLIENT_VERSION__: string | undefined;

/** The package version, sent in the `User-Agent` header (`dev` when run from source). */
export const VERSION: string = typeof __CLIENT_VERSION__ === "string" ? __CLIENT_VERSION__ : "dev";

/**
 * A HeyGen API client: one resource per tag of the API, each method one operation of the
 * registry. The credential lives only in closures, never in a property, so logging,
 * `JSON.stringify` or `util.inspect` of the client cannot show it.
 */
export interface HeyGenClient {
  videos: Videos;
  assets: Assets;
  voices: Voices;
  webhooks: Webhooks;
  lipsyncs: Lipsyncs;
  videoTranslations: VideoTranslations;
  videoAgents: VideoAgents;
  avatars: Avatars;
  users: Users;
  avatarGroups: AvatarGroups;
  photoAvatars: PhotoAvatars;
  /**
   * openapi-fetch clients typed with the generated `paths`, for any operation (the legacy ones
   * included). They run through the same core as the resources: auth, idempotency keys, retries,
   * timeouts, redirects and hooks; HTTP errors come back as openapi-fetch's `{ error, response }`,
   * failures to connect throw HeyGenErrors.
   */
  raw: { v2: Client<V2Paths>; v3: Client<V3Paths> };
}

/** Statuses whose responses carry no body (the Response constructor refuses one). */
const NULL_BODY = new Set([204, 205, 304]);

/**
 * Creates the core that resources run on, without any resource: for a bundle that should carry
 * only the resources it uses (`videos(createHeyGenCore(options))`). Options as for
 * {@link createHeyGenClient}.
 *
 * @example
 * import { createHeyGenCore, videos } from "@heygen-openapi/client";
 * const v = videos(createHeyGenCore({ apiKey }));
 * await v.create({ type: "avatar", avatar_id, script: "Hi" });
 */
export function createHeyGenCore(options?: HeyGenClientOptions): Core {
  return createCore(resolveConfig(options, VERSION));
}

/** openapi-fetch clients whose fetch is the core's transport. */
function rawClients(core: Core, base: string): HeyGenClient["raw"] {
  // openapi-fetch reads the body itself, so it gets a fresh Response over the text as sent
  const rawFetch = async (input: Request) => {
    const { response, text } = await core.send(
      {
        op: `${input.method} ${new URL(input.url).pathname}`,
        method: input.method,
        url: input.url,
        headers: input.headers,
        body: input.body ? await input.arrayBuffer() : undefined,
        kind: input.headers.get("content-type")?.startsWith("multipart/") ? "upload" : undefined,
      },
      { signal: input.signal },
    );
    const headers = new Headers(response.headers);
    // The body is rebuilt from the decoded text, so the original length and encoding no longer
    // apply; an empty body says so, or openapi-fetch would try to parse "" (e.g. a 205 that
    // announced one).
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
  return {
    v2: createClient<V2Paths>({ baseUrl: base, fetch: rawFetch }),
    v3: createClient<V3Paths>({ baseUrl: base, fetch: rawFetch }),
  };
}

/**
 * Creates a client for HeyGen's API. Options are validated at once (a bad one throws
 * HeyGenConfigurationError); the only required one is a credential, which defaults to the
 * `HEYGEN_API_KEY` environment variable.
 *
 * @example
 * const heygen = createHeyGenClient({ apiKey: process.env.HEYGEN_API_KEY });
 * const { video_id } = await heygen.videos.create({ type: "avatar", avatar_id, script: "Hello" });
 * const video = await heygen.videos.waitUntilDone(video_id);
 */
export function createHeyGenClient(options?: HeyGenClientOptions): HeyGenClient {
  const cfg = resolveConfig(options, VERSION);
  const core = createCore(cfg);
  return {
    videos: videos(core),
    assets: assets(core),
    voices: voices(core),
    webhooks: webhooks(core),
    lipsyncs: lipsyncs(core),
    videoTranslations: videoTranslations(core),
    videoAgents: videoAgents(core),
    avatars: avatars(core),
    users: users(core),
    avatarGroups: avatarGroups(core),
    photoAvatars: photoAvatars(core),
    raw: rawClients(core, cfg.base),
  };
}
