import { type OperationKey, operations, type WebhookEventType } from "@heygen-openapi/types";

/** The long-running resources the fake runs as jobs. */
export type JobKind =
  | "video"
  | "video_translation"
  | "proofread"
  | "lipsync"
  | "video_agent_session";

/** What the fake needs to know of one kind of job beyond the registry. */
export interface JobKindSpec {
  kind: JobKind;
  /** The read that shows the job: its `data` schema is the resource, its registry `job` the end states. */
  get: OperationKey;
  /** The list that shows the jobs of this kind, if any. */
  list: OperationKey | null;
  /** The resource's id field. */
  idField: "id" | "session_id";
  /** Statuses on the way, the first at creation (each read moves one step). */
  progression: readonly string[];
  /** The webhook events of its end, if HeyGen has any for it. */
  events: { success: WebhookEventType; fail: WebhookEventType } | null;
  /** The `event_data` HeyGen documents for its end (`ok` true for success). */
  eventData(
    resource: Record<string, unknown>,
    ok: boolean,
    callbackId: string | null,
  ): Record<string, unknown>;
}

/** The statuses the registry says end a job read by `get`. */
export function terminalStates(get: OperationKey): { done: string; failed: string } {
  const job = operations[get].job;
  if (!job) throw new Error(`@heygen-openapi/testing: the registry has no job states for ${get}`);
  return { done: job.done[0]!, failed: job.failed[0]! };
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** The job kinds, keyed by kind. */
export const JOB_KINDS: Record<JobKind, JobKindSpec> = {
  video: {
    kind: "video",
    get: "GET /v3/videos/{video_id}",
    list: "GET /v3/videos",
    idField: "id",
    // Create answers "waiting"; reads then see "pending", then "processing".
    progression: ["waiting", "pending", "processing"],
    events: { success: "avatar_video.success", fail: "avatar_video.fail" },
    eventData: (r, ok, callbackId) =>
      ok
        ? { video_id: r.id, url: r.video_url, callback_id: callbackId }
        : {
            video_id: r.id,
            msg: r.failure_message ?? "Video rendering failed.",
            callback_id: callbackId,
          },
  },
  video_translation: {
    kind: "video_translation",
    get: "GET /v3/video-translations/{video_translation_id}",
    list: "GET /v3/video-translations",
    idField: "id",
    progression: ["pending", "running"],
    events: { success: "video_translate.success", fail: "video_translate.fail" },
    eventData: (r, ok, callbackId) => ({
      video_translate_id: r.id,
      ...(ok
        ? { url: r.video_url }
        : { message: r.failure_message ?? "Video translation failed." }),
      callback_id: callbackId,
      output_language: text(r.output_language),
    }),
  },
  proofread: {
    kind: "proofread",
    get: "GET /v3/video-translations/proofreads/{proofread_id}",
    list: null,
    idField: "id",
    progression: ["processing"],
    events: { success: "proofread_creation.success", fail: "proofread_creation.fail" },
    eventData: (r, ok, callbackId) => ({
      proofread_id: r.id,
      output_language: text(r.output_language),
      callback_id: callbackId,
      ...(ok ? {} : { message: r.failure_message ?? "Proofread creation failed." }),
    }),
  },
  lipsync: {
    kind: "lipsync",
    get: "GET /v3/lipsyncs/{lipsync_id}",
    list: "GET /v3/lipsyncs",
    idField: "id",
    progression: ["pending", "running"],
    // HeyGen has no webhook event type for lipsyncs; only the per-job callback.
    events: null,
    eventData: (r, ok, callbackId) => ({
      lipsync_id: r.id,
      ...(ok ? { url: r.video_url } : { message: r.failure_message ?? "Lipsync failed." }),
      callback_id: callbackId,
    }),
  },
  video_agent_session: {
    kind: "video_agent_session",
    get: "GET /v3/video-agents/sessions/{session_id}",
    list: null,
    idField: "session_id",
    progression: ["processing", "generating"],
    events: { success: "video_agent.success", fail: "video_agent.fail" },
    eventData: (r, ok, callbackId) => ({
      session_id: r.session_id,
      video_id: r.video_id ?? null,
      callback_id: callbackId,
      ...(ok ? {} : { message: "Video Agent session failed." }),
    }),
  },
};
