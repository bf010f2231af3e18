// The demo's steps, written against the public API of @heygen-openapi/client only, so they read
// the same against the fake and against the real API.
import {
  APIError,
  HeyGenError,
  isWebhookEvent,
  NotFoundError,
  PhotoAvatarNotReadyError,
  parseWebhookEvent,
  verifyWebhook,
} from "@heygen-openapi/client";

/**
 * @typedef {object} Stats
 * @property {{ method: string, path: string, attempt: number, status: number, requestId: string | undefined }[]} responses
 * @property {{ delayMs: number, status: number | undefined }[]} retries
 * @property {Pick<import("@heygen-openapi/client").HeyGenClientOptions, "onResponse" | "logger">} hooks
 */

/**
 * @typedef {object} DemoOptions
 * @property {import("@heygen-openapi/client").HeyGenClient} client
 * @property {import("./output.mjs").Output} out
 * @property {Stats} stats
 * @property {boolean} live
 * @property {string | undefined} addTo       the group to add looks to (skipped when missing)
 * @property {string[]} imageKeys
 * @property {number} waitIntervalMs          first delay between polls of a pending look
 * @property {(() => unknown) | undefined} [inject429]  makes the next group lookup answer 429
 * @property {Receiver | undefined} [receiver]  a local webhook receiver for the video flow (fake only)
 */

/**
 * @typedef {object} Receiver
 * @property {string} url
 * @property {() => Promise<{ body: Buffer, headers: import("node:http").IncomingHttpHeaders }>} next  the next delivery
 */

/** A 1x1 PNG: the image the video flow uploads. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000a49444154789c6300010000050001",
  "hex",
);

/** The order a video's statuses come in, for the progress bar. */
const VIDEO_STAGES = ["waiting", "pending", "processing", "completed"];

/** The most groups the live demo lists, so a large catalog does not flood the terminal. */
const LIVE_MAX_GROUPS = 30;
const PAGE_SIZE = 5;

/**
 * Runs every step; resolves to the process exit code (0 when every step behaved as expected).
 * @param {DemoOptions} o
 * @returns {Promise<number>}
 */
export async function runDemo(o) {
  const { out } = o;
  try {
    const firstGroup = await listGroups(o);
    const added = await addLooks(o);
    if (added.length > 0) await waitForLooks(o, added);
    await handledError(o);
    await retried429(o, firstGroup);
    await videoFlow(o);
    out.step("Done");
    out.ok(`${o.stats.responses.length} responses, ${o.stats.retries.length} retried`);
    return 0;
  } catch (error) {
    out.fail(`unexpected ${describe(error)}`);
    return 1;
  }
}

/**
 * Lists groups with auto-pagination: `for await` fetches each page as it goes.
 * @param {DemoOptions} o
 */
async function listGroups({ client, out, stats, live }) {
  out.step(`List avatar groups (auto-pagination, ${PAGE_SIZE} per page)`);
  const before = stats.responses.length;
  /** @type {import("@heygen-openapi/client").AvatarGroupListItem | undefined} */
  let first;
  let count = 0;
  for await (const group of client.avatarGroups.list({ limit: PAGE_SIZE })) {
    first ??= group;
    count++;
    const looks = `${group.looks_count} look${group.looks_count === 1 ? "" : "s"}`;
    out.line(
      `${String(count).padStart(3)}. ${group.name.padEnd(18)} ${looks.padEnd(8)} ${group.id}`,
    );
    if (live && count >= LIVE_MAX_GROUPS) {
      out.note(`stopping after ${LIVE_MAX_GROUPS} groups`);
      break;
    }
  }
  const pages = stats.responses.slice(before).filter((r) => r.path === "/v3/avatars").length;
  out.ok(`${count} groups over ${pages} pages`);
  return first;
}

/**
 * Adds looks; the client sends at most 4 image keys per request, in batches.
 * @param {DemoOptions} o
 */
async function addLooks({ client, out, stats, live, addTo, imageKeys }) {
  out.step(`Add ${imageKeys.length || "no"} looks in batches of at most 4`);
  if (!addTo || imageKeys.length === 0) {
    out.note(
      live
        ? "skipped: pass --group <private group id> and --image-key <key> (repeatable) to add real looks"
        : "skipped: no private group to add looks to",
    );
    return [];
  }
  const before = stats.responses.length;
  const { photo_avatar_list: looks } = await client.photoAvatars.addLooks({
    group_id: addTo,
    image_keys: imageKeys,
    name: "Demo look",
  });
  const batches = stats.responses
    .slice(before)
    .filter((r) => r.method === "POST" && r.attempt === 0).length;
  const sizes = [];
  for (let left = imageKeys.length; left > 0; left -= 4) sizes.push(Math.min(4, left));
  out.ok(
    `added ${looks.length} looks to group ${addTo} in ${batches} requests (${sizes.join(" + ")})`,
  );
  for (const look of looks) out.line(`${look.id}  ${look.status}`);
  return looks;
}

/**
 * Waits for every new look at once, reporting progress as each one settles.
 * @param {DemoOptions} o
 * @param {import("@heygen-openapi/client").PhotoAvatarLook[]} looks
 */
async function waitForLooks({ client, out, stats, waitIntervalMs }, looks) {
  out.step(`Wait until the ${looks.length} looks are ready`);
  const before = stats.responses.length;
  let settled = 0;
  const results = await Promise.all(
    looks.map((look) =>
      client.photoAvatars
        .waitUntilReady(look.id, { intervalMs: waitIntervalMs, timeoutMs: 10 * 60_000 })
        .then(
          (ready) => {
            out.progress(++settled, looks.length, `${ready.id} ${ready.status}`);
            return true;
          },
          (error) => {
            if (!(error instanceof PhotoAvatarNotReadyError)) throw error;
            const why = error.look?.moderation_msg ?? error.message;
            out.progress(++settled, looks.length, `${look.id} ${error.reason}: ${why}`);
            return false;
          },
        ),
    ),
  );
  const polls = stats.responses.slice(before).length;
  const ready = results.filter(Boolean).length;
  out.ok(`${ready} ready, ${looks.length - ready} not (handled), after ${polls} polls`);
}

/**
 * An API error, caught and reported: a group that does not exist.
 * @param {DemoOptions} o
 */
async function handledError({ client, out }) {
  out.step("Handle an API error (a group that does not exist)");
  try {
    await client.avatarGroups.get("no-such-group");
    out.fail("expected a 404");
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    out.ok(`caught ${error.name}: status ${error.status}, code ${error.code ?? "(none)"}`);
    out.line(`message:    ${error.message}`);
    out.line(`request id: ${error.requestId ?? "(none)"} (quote it to HeyGen support)`);
  }
}

/**
 * A 429 the client retries after the server's `Retry-After`.
 * @param {DemoOptions} o
 * @param {{ id: string } | undefined} group
 */
async function retried429({ client, out, stats, inject429 }, group) {
  out.step("Retry a rate-limited request (429 with Retry-After)");
  if (!inject429 || !group) {
    out.note("skipped: the real API cannot be asked for a 429");
    return;
  }
  inject429();
  const before = stats.responses.length;
  const retriesBefore = stats.retries.length;
  const started = performance.now();
  const found = await client.avatarGroups.get(group.id);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const attempts = stats.responses.slice(before).map((r) => r.status);
  const retry = stats.retries[retriesBefore];
  out.ok(
    `${attempts.join(" -> ")}: retried after ${retry ? `${retry.delayMs} ms` : "?"} as Retry-After asked; got "${found.name}" in ${seconds} s`,
  );
}

/**
 * The whole video flow: upload an image, subscribe a webhook endpoint, make a video of the image,
 * wait for it with a progress bar, and check the signed webhook that announces it.
 * @param {DemoOptions} o
 */
async function videoFlow({ client, out, receiver, waitIntervalMs }) {
  out.step("Make a video: upload, create, wait, receive the signed webhook");
  if (!receiver) {
    out.note("skipped with --live: it would render a real video and spend credits");
    return;
  }
  const endpoint = await client.webhooks.endpoints.create({
    url: `${receiver.url}/heygen`,
    events: ["avatar_video.success", "avatar_video.fail"],
  });
  out.ok(`webhook endpoint ${endpoint.endpoint_id} for ${endpoint.url}`);
  const asset = await client.assets.upload(PNG, { filename: "face.png", contentType: "image/png" });
  out.ok(`uploaded ${asset.asset_id} (${asset.mime_type}, ${asset.size_bytes} bytes)`);
  const delivery = receiver.next();
  const created = await client.videos.create(
    {
      type: "image",
      image: { type: "asset_id", asset_id: asset.asset_id },
      script: "Hello! This video was made by the demo.",
      title: "Demo video",
    },
    { idempotencyKey: `demo-video-${asset.asset_id}` },
  );
  out.ok(`video ${created.video_id} created (${created.status})`);
  const video = await client.videos.waitUntilDone(created.video_id, {
    intervalMs: waitIntervalMs,
    onProgress: (v) => {
      const stage = VIDEO_STAGES.indexOf(v.status) + 1;
      out.progress(stage || 1, VIDEO_STAGES.length, v.status);
    },
  });
  out.ok(`done: ${video.video_url} (${video.duration} s)`);
  const { body, headers } = await delivery;
  const verified = verifyWebhook(body, headers, /** @type {string} */ (endpoint.secret));
  const event = parseWebhookEvent(body);
  const url = isWebhookEvent(event, "avatar_video.success") ? event.event_data.url : undefined;
  out.ok(
    `webhook ${verified.id}: ${event.event_type}, signature verified${url === video.video_url ? ", same video_url" : ""}`,
  );
}

/** @param {unknown} error */
function describe(error) {
  if (error instanceof APIError) return `${error.name} (HTTP ${error.status}): ${error.message}`;
  if (error instanceof HeyGenError) return `${error.name}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
