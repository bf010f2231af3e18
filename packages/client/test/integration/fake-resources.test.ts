// Every resource driven against the fake over HTTP, in the order a service would use them, with
// requests the fake validates against the spec and answers it checks against the spec. The last
// test derives from the registry which operations the flows must have called: an operation
// added to the spec that no resource reaches fails it.
import { type OperationKey, operations } from "@heygen-openapi/types";
import { describe, expect, it } from "vitest";
import { useFake } from "../support/fake.js";
import { match } from "../support/registry-server.js";

const t = useFake();
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000a49444154789c6300010000050001",
  "hex",
);
const url = (u: string) => ({ type: "url", url: u }) as const;

/** The registry operations the fake answered so far in this test. */
const called = () =>
  new Set(
    t.fake.requests
      .filter((r) => r.status !== null && r.status < 400)
      .map((r) => match(r.method, r.path)?.key)
      .filter((k): k is OperationKey => k !== undefined),
  );

async function everyResource() {
  const heygen = t.client();
  const asset = await heygen.assets.upload(new Uint8Array(PNG), { filename: "p.png" });
  expect(asset.asset_id).toBeTruthy();

  // videos
  const { video_id } = await heygen.videos.create({
    type: "avatar",
    avatar_id: "avatar_1",
    script: "Hi",
  });
  expect((await heygen.videos.get(video_id)).id).toBe(video_id);
  expect((await heygen.videos.list({ limit: 5 })).data.map((v) => v.id)).toContain(video_id);
  t.fake.jobs.complete(video_id);
  expect((await heygen.videos.waitUntilDone(video_id, { intervalMs: 1 })).video_url).toBeTruthy();
  await heygen.videos.delete(video_id);

  // voices
  const voices = await heygen.voices.list({ limit: 2 });
  expect(Array.isArray(voices.data)).toBe(true);
  await heygen.voices.speech({ text: "Hello", voice_id: voices.data[0]?.voice_id ?? "voice_1" });
  await heygen.voices.design({ prompt: "A warm, calm voice" });

  // webhooks
  const endpoint = await heygen.webhooks.endpoints.create({ url: "https://example.com/hook" });
  expect(endpoint.secret).toMatch(/^whsec_/);
  expect((await heygen.webhooks.endpoints.list()).data.map((e) => e.endpoint_id)).toContain(
    endpoint.endpoint_id,
  );
  await heygen.webhooks.endpoints.update(endpoint.endpoint_id, {
    events: ["avatar_video.success"],
  });
  const rotated = await heygen.webhooks.endpoints.rotateSecret(endpoint.endpoint_id);
  expect(rotated.secret).not.toBe(endpoint.secret);
  await heygen.webhooks.events.list({ limit: 5 });
  expect((await heygen.webhooks.eventTypes.list()).length).toBeGreaterThan(0);
  await heygen.webhooks.endpoints.delete(endpoint.endpoint_id);

  // lipsyncs
  const { lipsync_id } = await heygen.lipsyncs.create({
    video: url("https://example.com/v.mp4"),
    audio: { type: "asset_id", asset_id: asset.asset_id },
  });
  await heygen.lipsyncs.get(lipsync_id);
  await heygen.lipsyncs.list();
  await heygen.lipsyncs.update(lipsync_id, { title: "Dubbed" });
  t.fake.jobs.complete(lipsync_id);
  await heygen.lipsyncs.waitUntilDone(lipsync_id, { intervalMs: 1 });
  await heygen.lipsyncs.delete(lipsync_id);

  // video translations and proofreads
  const created = await heygen.videoTranslations.create({
    video: { type: "asset_id", asset_id: asset.asset_id },
    output_languages: ["Spanish (Spain)"],
    title: "Translated",
  });
  const tid = created.video_translation_ids[0] as string;
  await heygen.videoTranslations.get(tid);
  await heygen.videoTranslations.list();
  await heygen.videoTranslations.update(tid, { title: "Renamed" });
  t.fake.jobs.complete(tid);
  await heygen.videoTranslations.waitUntilDone(tid, { intervalMs: 1 });
  await heygen.videoTranslations.caption(tid, { format: "srt" });
  await heygen.videoTranslations.languages();
  const proof = await heygen.videoTranslations.proofreads.create({
    video: url("https://example.com/v.mp4"),
    output_languages: ["es"],
    title: "Proofread",
  });
  const pid = proof.proofread_ids[0] as string;
  t.fake.jobs.complete(pid);
  await heygen.videoTranslations.proofreads.waitUntilDone(pid, { intervalMs: 1 });
  await heygen.videoTranslations.proofreads.get(pid);
  await heygen.videoTranslations.proofreads.srt(pid);
  await heygen.videoTranslations.proofreads.uploadSrt(pid, {
    srt: url("https://example.com/s.srt"),
  });
  await heygen.videoTranslations.proofreads.generate(pid, {});
  await heygen.videoTranslations.delete(tid);

  // video agents
  await heygen.videoAgents.create({ prompt: "A 30 second product teaser" });
  await heygen.videoAgents.styles({ limit: 3 });
  const session = await heygen.videoAgents.sessions.create({ prompt: "A product tour" });
  const sid = session.session_id;
  await heygen.videoAgents.sessions.get(sid);
  await heygen.videoAgents.sessions.continue(sid, { message: "Make it shorter" });
  await heygen.videoAgents.sessions.resources(sid);
  t.fake.jobs.complete(sid);
  await heygen.videoAgents.sessions.waitUntilDone(sid, { intervalMs: 1 });
  await heygen.videoAgents.sessions.stop(sid, {});

  // avatars, looks, users, and the v2 photo-avatar pages
  const group = t.fake.state.groups({ ownership: "private" })[0];
  const gid = group?.id as string;
  expect((await heygen.avatars.get(gid)).id).toBe(gid);
  await heygen.avatars.list({ ownership: "private" });
  await heygen.avatars.create({ type: "prompt", name: "Nova", prompt: "A friendly presenter" });
  await heygen.avatars.consent(gid, {});
  const looks = await heygen.avatars.looks.list({ group_id: gid });
  const lookId = looks.data[0]?.id as string;
  await heygen.avatars.looks.get(lookId);
  await heygen.avatars.looks.update(lookId, { name: "Casual" });
  expect((await heygen.users.me()).username).toBeTruthy();
  const v2look = t.fake.state.looks(gid)[0]?.id as string;
  await heygen.photoAvatars.get(v2look);
  await heygen.avatarGroups.listLooks(gid);
  await heygen.photoAvatars.addLooks({ group_id: gid, image_keys: ["k1"], name: "More" });
}

describe("every resource against the fake", () => {
  it("drives every supported operation of the registry, each answered within the spec", async () => {
    await everyResource();
    const supported = Object.values(operations)
      .filter((op) => !op.deprecated)
      .map((op) => op.key);
    const got = called();
    expect(supported.filter((k) => !got.has(k))).toEqual([]);
    // useFake's afterEach checks the fake sent nothing the spec forbids and matched every request
  });
});
