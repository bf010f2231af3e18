/**
 * The openapi-typescript output for HeyGen's v2 avatar operations (`GET /v2/photo_avatar/{id}`,
 * `POST /v2/photo_avatar/avatar_group/add`, `GET /v2/avatar_group/{group_id}/avatars`), generated
 * from the corrected bundle in `specs/v2/openapi.json`.
 *
 * @example
 * ```ts
 * import type { paths } from "@heygen-openapi/types/v2";
 * import createClient from "openapi-fetch";
 * const v2 = createClient<paths>({ baseUrl: "https://api.heygen.com" });
 * ```
 * @module
 */
export type { components, operations, paths } from "./generated/v2.js";
