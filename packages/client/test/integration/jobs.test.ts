// waitUntilDone for every long-running resource of the registry (its `job` field), against a
// registry-routed node:http server that scripts the job's statuses.
import { type OperationKey, operations } from "@heygen-openapi/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type HeyGenClient,
  HeyGenError,
  JobFailedError,
  JobTimeoutError,
  NotFoundError,
  type WaitUntilDoneOptions,
} from "../../src/index.js";
import { clientFor, KEY } from "../support/client.js";
import { type RegistryServer, startRegistryServer } from "../support/registry-server.js";

/** The statuses the next reads of any job answer, one per read; then the last one again. */
let statuses: string[] = [];
let extra: Record<string, unknown> = {};
let s: RegistryServer;
let heygen: HeyGenClient;
beforeAll(async () => {
  s = await startRegistryServer((m, n) =>
    operations[m.key as OperationKey]?.job
      ? {
          body: {
            data: {
              id: Object.values(m.path)[0],
              status: statuses[Math.min(n, statuses.length - 1)],
              ...extra,
            },
          },
        }
      : undefined,
  );
  heygen = clientFor(s);
});
beforeEach(() => {
  s.seen.length = 0;
  extra = {};
});
afterAll(() => s.close());

type Wait = (
  c: HeyGenClient,
  id: string,
  o: WaitUntilDoneOptions<{ status?: string | null | undefined }>,
) => Promise<unknown>;
const waits: Record<string, Wait> = {
  "GET /v3/videos/{video_id}": (c, id, o) => c.videos.waitUntilDone(id, o),
  "GET /v3/lipsyncs/{lipsync_id}": (c, id, o) => c.lipsyncs.waitUntilDone(id, o),
  "GET /v3/video-translations/{video_translation_id}": (c, id, o) =>
    c.videoTranslations.waitUntilDone(id, o),
  "GET /v3/video-translations/proofreads/{proofread_id}": (c, id, o) =>
    c.videoTranslations.proofreads.waitUntilDone(id, o),
  "GET /v3/video-agents/sessions/{session_id}": (c, id, o) =>
    c.videoAgents.sessions.waitUntilDone(id, o),
  "GET /v3/avatars/{group_id}": (c, id, o) => c.avatars.waitUntilDone(id, o),
  "GET /v3/avatars/looks/{look_id}": (c, id, o) => c.avatars.looks.waitUntilDone(id, o),
};

const jobOps = Object.values(operations).filter((op) => op.job && !op.deprecated);

describe("waitUntilDone", () => {
  it("exists for every supported long-running resource of the registry", () => {
    expect(jobOps.map((op) => op.key).sort()).toEqual(Object.keys(waits).sort());
  });

  describe.each(jobOps.map((op) => [op.key, op] as const))("%s", (key, op) => {
    const wait = waits[key] as Wait;
    const done = op.job?.done[0] as string;
    const failed = op.job?.failed[0] as string;

    it("polls at once, keeps polling through unknown statuses, reports every change, resolves when done", async () => {
      statuses = ["pending", "pending", "processing", "rendering_v9", done];
      extra = { video_url: "https://files.example/v.mp4" };
      const seen: string[] = [];
      const job = await wait(heygen, "job_1", {
        intervalMs: 1,
        onProgress: (j) => seen.push(String(j.status)),
      });
      expect(job).toEqual({ id: "job_1", status: done, video_url: "https://files.example/v.mp4" });
      expect(seen).toEqual(["pending", "processing", "rendering_v9", done]);
      expect(s.seen.map((m) => [m.key, Object.values(m.path)[0]])).toEqual(
        Array(5).fill([key, "job_1"]),
      );
    });

    it("rejects a failed job with JobFailedError carrying the job, its code and message", async () => {
      statuses = ["processing", failed];
      extra = { failure_code: "avatar_rejected", failure_message: `Bad input near ${KEY}.` };
      const e = await wait(heygen, "job_2", { intervalMs: 1 }).then(
        () => undefined,
        (x: JobFailedError) => x,
      );
      expect(e).toBeInstanceOf(JobFailedError);
      expect(e).toBeInstanceOf(HeyGenError);
      expect(e?.failureCode).toBe("avatar_rejected");
      expect(e?.failureMessage).toBe("Bad input near [redacted].");
      expect(e?.job).toMatchObject({ id: "job_2", status: failed });
      expect(e?.message).toBe(
        `${key} waitUntilDone: the job ended as ${failed}: avatar_rejected: Bad input near [redacted].`,
      );
    });

    it("rejects at its deadline with JobTimeoutError carrying the last job", async () => {
      statuses = ["processing"];
      const e = await wait(heygen, "job_3", { timeoutMs: 0 }).then(
        () => undefined,
        (x: JobTimeoutError) => x,
      );
      expect(e).toBeInstanceOf(JobTimeoutError);
      expect(e?.job).toEqual({ id: "job_3", status: "processing" });
      expect(s.seen).toHaveLength(1);
    });
  });

  it("stops at the caller's abort, and passes a 404 on as it is", async () => {
    statuses = ["processing"];
    const ac = new AbortController();
    const p = heygen.videos.waitUntilDone("v", {
      intervalMs: 60_000,
      signal: ac.signal,
      onProgress: () => ac.abort(),
    });
    await expect(p).rejects.toMatchObject({ name: "APIUserAbortError" });
    const missing = await startRegistryServer(() => ({
      status: 404,
      body: { error: { code: "not_found" } },
    }));
    try {
      const e = await clientFor(missing)
        .videos.waitUntilDone("gone")
        .catch((x) => x);
      expect(e).toBeInstanceOf(NotFoundError);
    } finally {
      await missing.close();
    }
  });

  it("refuses bad options before any request", async () => {
    const e = await heygen.videos.waitUntilDone("v", { intervalMs: -1 }).catch((x) => x);
    expect(e.name).toBe("HeyGenConfigurationError");
    expect(s.seen).toHaveLength(0);
  });
});
