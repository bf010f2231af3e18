import type { OperationKey } from "@heygen-openapi/types";
import { invalidParameter, notFound } from "./error-bodies.js";
import type { JobKind } from "./job-kinds.js";
import { BadPageToken, pageOf } from "./list-pages.js";
import {
  type Operation,
  type OperationContext,
  type OperationResult,
  ok,
  queryValue,
} from "./operation-context.js";

type Body = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

const NOT_FOUND: Record<JobKind, [string, string]> = {
  video: ["video_not_found", "Video not found."],
  video_translation: ["video_translation_not_found", "Video translation not found."],
  proofread: ["proofread_not_found", "Proofread not found."],
  lipsync: ["lipsync_not_found", "Lipsync not found."],
  video_agent_session: ["session_not_found", "Video Agent session not found."],
};

const missing = (kind: JobKind): OperationResult => ({ error: notFound(...NOT_FOUND[kind]) });

/** A read of one job by its path parameter. */
const read =
  (kind: JobKind, param: string): Operation =>
  ({ jobs }, { params }) => {
    const resource = jobs.read(kind, params[param]!);
    return resource ? ok(resource) : missing(kind);
  };

/** A cursor list of one kind of job, newest first, with equality filters on the named fields. */
const list =
  (kind: JobKind, defaultLimit: number, filters: readonly string[] = []): Operation =>
  (context, { query }) => {
    const limit = Number(queryValue(query, "limit") ?? defaultLimit);
    const wanted = filters.flatMap((f) => {
      const value = queryValue(query, f);
      return value === undefined ? [] : [[f, value] as const];
    });
    const items = context.jobs
      .listing(kind)
      .filter(({ value }) => wanted.every(([field, v]) => value[field] === v));
    try {
      const page = pageOf(
        items,
        queryValue(query, "token"),
        limit,
        `${context.route.key}?${JSON.stringify(wanted)}`,
      );
      return { status: 200, body: page };
    } catch (error) {
      if (error instanceof BadPageToken) return { error: invalidParameter("token", error.message) };
      throw error;
    }
  };

const remove =
  (kind: JobKind, param: string, answer: (id: string) => unknown): Operation =>
  ({ jobs }, { params }) => {
    const id = params[param]!;
    return jobs.remove(kind, id) ? ok(answer(id)) : missing(kind);
  };

const patch =
  (kind: JobKind, param: string): Operation =>
  ({ jobs }, { params, body }) => {
    const fields = Object.fromEntries(
      Object.entries((body ?? {}) as Body).filter(([, v]) => v !== null),
    );
    const resource = jobs.update(kind, params[param]!, fields);
    return resource ? ok(resource) : missing(kind);
  };

const callback = (body: Body) => ({
  body,
  callbackUrl: str(body.callback_url),
  callbackId: str(body.callback_id),
});

/** One translation job per output language. */
function translations(context: OperationContext, body: Body, languages: string[]): string[] {
  return languages.map(
    (language) =>
      context.jobs.create(
        "video_translation",
        {
          title: str(body.title),
          output_language: language,
          input_language: str(body.input_language),
          translate_audio_only:
            typeof body.translate_audio_only === "boolean" ? body.translate_audio_only : false,
          callback_id: str(body.callback_id),
        },
        callback(body),
      ).id as string,
  );
}

/** The operations of HeyGen's long-running resources, over the job store. */
export const JOB_OPERATIONS = {
  "POST /v3/videos": ({ jobs }, { body }) => {
    const b = body as Body;
    const video = jobs.create("video", { title: str(b.title) }, callback(b));
    return ok({ video_id: video.id, status: video.status });
  },
  "GET /v3/videos": list("video", 10, ["folder_id", "title"]),
  "GET /v3/videos/{video_id}": read("video", "video_id"),
  "DELETE /v3/videos/{video_id}": remove("video", "video_id", (id) => ({ id, deleted: true })),

  "POST /v3/video-translations": (context, { body }) => {
    const b = body as Body;
    return ok({ video_translation_ids: translations(context, b, b.output_languages as string[]) });
  },
  "GET /v3/video-translations": list("video_translation", 10),
  "GET /v3/video-translations/{video_translation_id}": read(
    "video_translation",
    "video_translation_id",
  ),
  "PATCH /v3/video-translations/{video_translation_id}": patch(
    "video_translation",
    "video_translation_id",
  ),
  "DELETE /v3/video-translations/{video_translation_id}": remove(
    "video_translation",
    "video_translation_id",
    (id) => ({ id }),
  ),
  "GET /v3/video-translations/{video_translation_id}/caption": (context, input) => {
    const job = context.jobs.get(input.params.video_translation_id!);
    if (!job || job.kind !== "video_translation") return missing("video_translation");
    if (!job.done || job.status !== "completed") {
      return {
        error: invalidParameter(
          "video_translation_id",
          "The video translation has not completed; captions exist once it has.",
        ),
      };
    }
    const format = queryValue(input.query, "format") ?? "vtt";
    return ok({ caption_url: `https://files2.heygen.ai/caption/${job.id}/caption.${format}` });
  },

  "POST /v3/video-translations/proofreads": ({ jobs }, { body }) => {
    const b = body as Body;
    const ids = (b.output_languages as string[]).map(
      (language) =>
        jobs.create(
          "proofread",
          {
            title: str(b.title),
            output_language: language,
            input_language: str(b.input_language),
            submitted_for_review: false,
          },
          callback(b),
        ).id as string,
    );
    return ok({ proofread_ids: ids, status: "processing" });
  },
  "GET /v3/video-translations/proofreads/{proofread_id}": read("proofread", "proofread_id"),
  "GET /v3/video-translations/proofreads/{proofread_id}/srt": ({ jobs }, { params }) => {
    const job = jobs.get(params.proofread_id!);
    if (!job || job.kind !== "proofread") return missing("proofread");
    return ok({
      srt_url: `https://files2.heygen.ai/proofread/${job.id}/translated.srt`,
      original_srt_url: `https://files2.heygen.ai/proofread/${job.id}/original.srt`,
    });
  },
  "PUT /v3/video-translations/proofreads/{proofread_id}/srt": ({ jobs }, { params }) => {
    const resource = jobs.update("proofread", params.proofread_id!, {
      submitted_for_review: false,
    });
    return resource ? ok(resource) : missing("proofread");
  },
  "POST /v3/video-translations/proofreads/{proofread_id}/generate": (context, { params, body }) => {
    const proofread = context.jobs.get(params.proofread_id!);
    if (!proofread || proofread.kind !== "proofread") return missing("proofread");
    if (proofread.status !== "completed") {
      return {
        error: invalidParameter(
          "proofread_id",
          "The proofread has not completed; generate from it once it has.",
        ),
      };
    }
    const b = { ...((body ?? {}) as Body), title: proofread.resource.title };
    const [id] = translations(context, b, [
      String(proofread.resource.output_language ?? "English"),
    ]);
    return ok({ video_translation_id: id, status: proofread.status });
  },

  "POST /v3/lipsyncs": ({ jobs }, { body }) => {
    const b = body as Body;
    const job = jobs.create(
      "lipsync",
      { title: str(b.title), callback_id: str(b.callback_id) },
      callback(b),
    );
    return ok({ lipsync_id: job.id });
  },
  "GET /v3/lipsyncs": list("lipsync", 10),
  "GET /v3/lipsyncs/{lipsync_id}": read("lipsync", "lipsync_id"),
  "PATCH /v3/lipsyncs/{lipsync_id}": patch("lipsync", "lipsync_id"),
  "DELETE /v3/lipsyncs/{lipsync_id}": remove("lipsync", "lipsync_id", (id) => ({ id })),

  "POST /v3/video-agents/sessions": ({ jobs }, { body }) => {
    const b = body as Body;
    const session = jobs.create("video_agent_session", { title: null }, callback(b));
    return ok({ session_id: session.session_id, created_at: session.created_at });
  },
  "POST /v3/video-agents": ({ jobs }, { body }) => {
    const b = body as Body;
    const session = jobs.create("video_agent_session", { title: null }, callback(b));
    return ok({
      session_id: session.session_id,
      status: "generating",
      video_id: null,
      created_at: session.created_at,
    });
  },
  "GET /v3/video-agents/sessions/{session_id}": read("video_agent_session", "session_id"),
  "POST /v3/video-agents/sessions/{session_id}/messages": (context, input) => {
    const job = context.jobs.get(input.params.session_id!);
    if (!job || job.kind !== "video_agent_session") return missing("video_agent_session");
    return ok({
      session_id: job.id,
      run_id: context.random.hex(32),
      title: job.resource.title ?? null,
    });
  },
  "GET /v3/video-agents/sessions/{session_id}/resources": (context, input) => {
    const job = context.jobs.get(input.params.session_id!);
    if (!job || job.kind !== "video_agent_session") return missing("video_agent_session");
    return { status: 200, body: context.generated(input) };
  },
  "POST /v3/video-agents/sessions/{session_id}/stop": (context, input) => {
    const job = context.jobs.get(input.params.session_id!);
    if (!job || job.kind !== "video_agent_session") return missing("video_agent_session");
    if (!job.done)
      context.jobs.fail(job.id, { code: "stopped", message: "The session was stopped." });
    return ok({ session_id: job.id });
  },
} satisfies Partial<Record<OperationKey, Operation>>;
