// Every resource method against a registry-routed node:http server: each calls its operation
// with the path, query and body given, and resolves to the answer's `data` as sent. The calls
// below are the client's surface; the expectation, every supported operation, comes from the
// registry: an operation added to the spec without a resource method fails the last test.
import { type OperationKey, operations } from "@heygen-openapi/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeyGenClient } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { type RegistryServer, startRegistryServer } from "../support/registry-server.js";

let s: RegistryServer;
let heygen: HeyGenClient;
beforeAll(async () => {
  // the one list that is no cursor list in the registry answers a plain array
  s = await startRegistryServer((m) =>
    m.key === "GET /v3/webhooks/event-types" ? { body: { data: [{ op: m.key }] } } : undefined,
  );
  heygen = clientFor(s);
});
afterAll(() => s.close());

type Call = [
  key: OperationKey,
  run: (c: HeyGenClient) => PromiseLike<unknown>,
  sent?: { path?: Record<string, string>; query?: Record<string, string[]>; body?: unknown },
];

const video = { type: "avatar", avatar_id: "av_1", script: "Hello" } as const;
const calls: Call[] = [
  ["POST /v3/videos", (c) => c.videos.create(video), { body: video }],
  ["GET /v3/videos/{video_id}", (c) => c.videos.get("v 1"), { path: { video_id: "v 1" } }],
  [
    "GET /v3/videos",
    (c) => c.videos.list({ limit: 5, title: "x" }),
    { query: { limit: ["5"], title: ["x"] } },
  ],
  ["DELETE /v3/videos/{video_id}", (c) => c.videos.delete("v1"), { path: { video_id: "v1" } }],
  ["POST /v3/assets", (c) => c.assets.upload(new Blob(["x"]), { filename: "a.png" })],
  [
    "GET /v3/voices",
    (c) => c.voices.list({ language: "English" }),
    { query: { language: ["English"] } },
  ],
  [
    "POST /v3/voices/speech",
    (c) => c.voices.speech({ text: "Hi", voice_id: "vo_1" }),
    { body: { text: "Hi", voice_id: "vo_1" } },
  ],
  ["POST /v3/voices", (c) => c.voices.design({ prompt: "warm" }), { body: { prompt: "warm" } }],
  [
    "POST /v3/webhooks/endpoints",
    (c) =>
      c.webhooks.endpoints.create({ url: "https://h.example/w", events: ["avatar_video.success"] }),
    { body: { url: "https://h.example/w", events: ["avatar_video.success"] } },
  ],
  [
    "GET /v3/webhooks/endpoints",
    (c) => c.webhooks.endpoints.list({ limit: 2 }),
    { query: { limit: ["2"] } },
  ],
  [
    "PATCH /v3/webhooks/endpoints/{endpoint_id}",
    (c) => c.webhooks.endpoints.update("we_1", { events: ["avatar_video.fail"] }),
    { path: { endpoint_id: "we_1" }, body: { events: ["avatar_video.fail"] } },
  ],
  [
    "DELETE /v3/webhooks/endpoints/{endpoint_id}",
    (c) => c.webhooks.endpoints.delete("we_1"),
    { path: { endpoint_id: "we_1" } },
  ],
  [
    "POST /v3/webhooks/endpoints/{endpoint_id}/rotate-secret",
    (c) => c.webhooks.endpoints.rotateSecret("we_1"),
    { path: { endpoint_id: "we_1" } },
  ],
  [
    "GET /v3/webhooks/events",
    (c) => c.webhooks.events.list({ event_type: "avatar_video.success" }),
    { query: { event_type: ["avatar_video.success"] } },
  ],
  ["GET /v3/webhooks/event-types", (c) => c.webhooks.eventTypes.list()],
  [
    "POST /v3/lipsyncs",
    (c) =>
      c.lipsyncs.create({
        video: { type: "url", url: "https://v" },
        audio: { type: "url", url: "https://a" },
      }),
  ],
  [
    "GET /v3/lipsyncs/{lipsync_id}",
    (c) => c.lipsyncs.get("ls_1"),
    { path: { lipsync_id: "ls_1" } },
  ],
  ["GET /v3/lipsyncs", (c) => c.lipsyncs.list()],
  [
    "PATCH /v3/lipsyncs/{lipsync_id}",
    (c) => c.lipsyncs.update("ls_1", { title: "t" }),
    { path: { lipsync_id: "ls_1" }, body: { title: "t" } },
  ],
  [
    "DELETE /v3/lipsyncs/{lipsync_id}",
    (c) => c.lipsyncs.delete("ls_1"),
    { path: { lipsync_id: "ls_1" } },
  ],
  [
    "POST /v3/video-translations",
    (c) =>
      c.videoTranslations.create({
        video: { type: "url", url: "https://v" },
        output_languages: ["French"],
        title: "t",
      }),
  ],
  [
    "GET /v3/video-translations/{video_translation_id}",
    (c) => c.videoTranslations.get("vt_1"),
    { path: { video_translation_id: "vt_1" } },
  ],
  [
    "GET /v3/video-translations",
    (c) => c.videoTranslations.list({ limit: 3 }),
    { query: { limit: ["3"] } },
  ],
  [
    "PATCH /v3/video-translations/{video_translation_id}",
    (c) => c.videoTranslations.update("vt_1", { title: "t" }),
    { path: { video_translation_id: "vt_1" }, body: { title: "t" } },
  ],
  [
    "DELETE /v3/video-translations/{video_translation_id}",
    (c) => c.videoTranslations.delete("vt_1"),
  ],
  [
    "GET /v3/video-translations/{video_translation_id}/caption",
    (c) => c.videoTranslations.caption("vt_1", { format: "srt" }),
    { path: { video_translation_id: "vt_1" }, query: { format: ["srt"] } },
  ],
  ["GET /v3/video-translations/languages", (c) => c.videoTranslations.languages()],
  [
    "POST /v3/video-translations/proofreads",
    (c) =>
      c.videoTranslations.proofreads.create({
        video: { type: "url", url: "https://v" },
        output_languages: ["French"],
        title: "t",
      }),
  ],
  [
    "GET /v3/video-translations/proofreads/{proofread_id}",
    (c) => c.videoTranslations.proofreads.get("pr_1"),
    { path: { proofread_id: "pr_1" } },
  ],
  [
    "GET /v3/video-translations/proofreads/{proofread_id}/srt",
    (c) => c.videoTranslations.proofreads.srt("pr_1"),
  ],
  [
    "PUT /v3/video-translations/proofreads/{proofread_id}/srt",
    (c) =>
      c.videoTranslations.proofreads.uploadSrt("pr_1", { srt: { type: "url", url: "https://s" } }),
    { path: { proofread_id: "pr_1" }, body: { srt: { type: "url", url: "https://s" } } },
  ],
  [
    "POST /v3/video-translations/proofreads/{proofread_id}/generate",
    (c) => c.videoTranslations.proofreads.generate("pr_1", {}),
    { path: { proofread_id: "pr_1" }, body: {} },
  ],
  [
    "POST /v3/video-agents",
    (c) => c.videoAgents.create({ prompt: "teaser" }),
    { body: { prompt: "teaser" } },
  ],
  [
    "GET /v3/video-agents/styles",
    (c) => c.videoAgents.styles({ tag: "fun" }),
    { query: { tag: ["fun"] } },
  ],
  [
    "POST /v3/video-agents/sessions",
    (c) => c.videoAgents.sessions.create({ prompt: "p" }),
    { body: { prompt: "p" } },
  ],
  [
    "GET /v3/video-agents/sessions/{session_id}",
    (c) => c.videoAgents.sessions.get("se_1"),
    { path: { session_id: "se_1" } },
  ],
  [
    "POST /v3/video-agents/sessions/{session_id}/messages",
    (c) => c.videoAgents.sessions.continue("se_1", { message: "more" }),
    { path: { session_id: "se_1" }, body: { message: "more" } },
  ],
  [
    "GET /v3/video-agents/sessions/{session_id}/resources",
    (c) => c.videoAgents.sessions.resources("se_1", { resource_ids: "r1,r2", type: "image" }),
    { path: { session_id: "se_1" }, query: { resource_ids: ["r1,r2"], type: ["image"] } },
  ],
  [
    "POST /v3/video-agents/sessions/{session_id}/stop",
    (c) => c.videoAgents.sessions.stop("se_1", {}),
    { path: { session_id: "se_1" } },
  ],
  ["POST /v3/avatars", (c) => c.avatars.create({ type: "prompt", name: "n", prompt: "p" })],
  [
    "GET /v3/avatars",
    (c) => c.avatars.list({ ownership: "private" }),
    { query: { ownership: ["private"] } },
  ],
  ["GET /v3/avatars/{group_id}", (c) => c.avatars.get("ag_1"), { path: { group_id: "ag_1" } }],
  [
    "POST /v3/avatars/{group_id}/consent",
    (c) => c.avatars.consent("ag_1", {}),
    { path: { group_id: "ag_1" }, body: {} },
  ],
  [
    "GET /v3/avatars/looks",
    (c) => c.avatars.looks.list({ group_id: "ag_1" }),
    { query: { group_id: ["ag_1"] } },
  ],
  [
    "GET /v3/avatars/looks/{look_id}",
    (c) => c.avatars.looks.get("lk_1"),
    { path: { look_id: "lk_1" } },
  ],
  [
    "PATCH /v3/avatars/looks/{look_id}",
    (c) => c.avatars.looks.update("lk_1", { name: "n" }),
    { path: { look_id: "lk_1" }, body: { name: "n" } },
  ],
  ["GET /v3/users/me", (c) => c.users.me()],
  ["GET /v2/photo_avatar/{id}", (c) => c.photoAvatars.get("l1"), { path: { id: "l1" } }],
  [
    "GET /v2/avatar_group/{group_id}/avatars",
    (c) => c.avatarGroups.listLooks("g1"),
    { path: { group_id: "g1" } },
  ],
];

describe("every resource method calls its operation", () => {
  it.each(calls)("%s", async (key, run, sent) => {
    const before = s.seen.length;
    const result = await run(heygen);
    const got = s.seen.slice(before);
    expect(got.map((m) => m.key)).toEqual([key]);
    const m = got[0]!;
    if (sent?.path) expect(m.path).toEqual(sent.path);
    if (sent?.query) expect(m.query).toEqual(sent.query);
    if (sent && "body" in sent) expect(m.body).toEqual(sent.body);
    // the result is the answer's data (a list: its first page), as sent
    const op = operations[key];
    if (op.pagination) expect((result as { data: unknown }).data).toEqual([{ op: key }]);
    else if (key === "GET /v3/webhooks/event-types") expect(result).toEqual([{ op: key }]);
    else expect(result).toEqual({ op: key });
  });

  it("covers every supported operation of the registry (v3 and the v2 photo-avatar pages)", () => {
    const supported = Object.values(operations)
      .filter((op) => !op.deprecated)
      .map((op) => op.key)
      .sort();
    // v2's add-looks batches are driven in photo-avatars.test.ts
    const covered = new Set<string>([
      ...calls.map((c) => c[0]),
      "POST /v2/photo_avatar/avatar_group/add",
    ]);
    expect(supported.filter((k) => !covered.has(k))).toEqual([]);
    const known = new Set<string>(supported);
    expect([...covered].filter((k) => !known.has(k))).toEqual([]);
  });
});
