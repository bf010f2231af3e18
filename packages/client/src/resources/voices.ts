import { createSpeechV3, designVoice, listVoicesV3 } from "@heygen-openapi/types";
import type { Core } from "../core.js";
import type { Body, Query } from "../operation-types.js";
import type { RequestOptions } from "../options.js";

/**
 * Voices (v3): list the voices, synthesize speech, design a voice from a prompt.
 *
 * @example
 * for await (const voice of heygen.voices.list({ language: "English" })) console.log(voice.voice_id);
 * const { audio_url } = await heygen.voices.speech({ text: "Hello", voice_id });
 */
export function voices(core: Core) {
  return {
    /** `GET /v3/voices`: awaitable first page, `for await` over every voice. */
    list: (params?: Query<"GET /v3/voices">, options?: RequestOptions) =>
      core.list(listVoicesV3, { query: params }, options),
    /** `POST /v3/voices/speech`: text to speech; resolves to the audio and its timing. */
    speech: (body: Body<"POST /v3/voices/speech">, options?: RequestOptions) =>
      core.call(createSpeechV3, { body }, options),
    /** `POST /v3/voices`: designs voices from a text prompt. */
    design: (body: Body<"POST /v3/voices">, options?: RequestOptions) =>
      core.call(designVoice, { body }, options),
  };
}

/** The `voices` resource. */
export type Voices = ReturnType<typeof voices>;
