import {
  continueVideoAgentSession,
  createVideoAgentSession,
  createVideoAgentV3,
  getVideoAgentSession,
  getVideoAgentSessionResources,
  listVideoAgentStyles,
  stopVideoAgentSession,
} from "@heygen-openapi/types";
import type { Core } from "../core.js";
import { type WaitUntilDoneOptions, waitUntilDone } from "../jobs.js";
import type { Body, Data, Query } from "../operation-types.js";
import type { RequestOptions } from "../options.js";

/** A video-agent session as `GET /v3/video-agents/sessions/{session_id}` answers it. */
export type VideoAgentSessionResult = Data<"GET /v3/video-agents/sessions/{session_id}">;

/** Video-agent sessions: a conversation with the agent that ends in a video. */
function sessions(core: Core) {
  const id = (sessionId: string) => ({ session_id: sessionId });
  const get = (sessionId: string, options?: RequestOptions) =>
    core.call(getVideoAgentSession, { path: id(sessionId) }, options);
  return {
    /** `POST /v3/video-agents/sessions`. */
    create: (body: Body<"POST /v3/video-agents/sessions">, options?: RequestOptions) =>
      core.call(createVideoAgentSession, { body }, options),
    /** `GET /v3/video-agents/sessions/{session_id}`: status, messages, and the video when done. */
    get,
    /** `POST /v3/video-agents/sessions/{session_id}/messages`: continues the conversation. */
    continue: (
      sessionId: string,
      body: Body<"POST /v3/video-agents/sessions/{session_id}/messages">,
      options?: RequestOptions,
    ) => core.call(continueVideoAgentSession, { path: id(sessionId), body }, options),
    /** `GET /v3/video-agents/sessions/{session_id}/resources`: storyboards, images, drafts. */
    resources: (
      sessionId: string,
      params?: Query<"GET /v3/video-agents/sessions/{session_id}/resources">,
      options?: RequestOptions,
    ) => core.call(getVideoAgentSessionResources, { path: id(sessionId), query: params }, options),
    /** `POST /v3/video-agents/sessions/{session_id}/stop`. */
    stop: (
      sessionId: string,
      body: Body<"POST /v3/video-agents/sessions/{session_id}/stop">,
      options?: RequestOptions,
    ) => core.call(stopVideoAgentSession, { path: id(sessionId), body }, options),
    /** Polls `get` until the session is done or failed; see {@link WaitUntilDoneOptions}. */
    waitUntilDone: (sessionId: string, options?: WaitUntilDoneOptions<VideoAgentSessionResult>) =>
      waitUntilDone(
        getVideoAgentSession.key,
        (signal) => get(sessionId, { signal }),
        getVideoAgentSession.job,
        options,
        core.redact,
      ),
  };
}

/**
 * The video agent (v3): a video from a prompt, in one call or as a session.
 *
 * @example
 * const { video_id } = await heygen.videoAgents.create({ prompt: "A 30 s product teaser" });
 */
export function videoAgents(core: Core) {
  return {
    /** `POST /v3/video-agents`: one prompt, one video. */
    create: (body: Body<"POST /v3/video-agents">, options?: RequestOptions) =>
      core.call(createVideoAgentV3, { body }, options),
    /** `GET /v3/video-agents/styles`: awaitable first page, `for await` over every style. */
    styles: (params?: Query<"GET /v3/video-agents/styles">, options?: RequestOptions) =>
      core.list(listVideoAgentStyles, { query: params }, options),
    sessions: sessions(core),
  };
}

/** The `videoAgents` resource. */
export type VideoAgents = ReturnType<typeof videoAgents>;
